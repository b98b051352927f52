import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages are tested from their TypeScript source, not a stale build.
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'demo/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
