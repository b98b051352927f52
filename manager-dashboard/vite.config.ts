import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** Where `npm run dev` finds a running appliance (`npm start` at the root). */
const APPLIANCE = process.env.APPLIANCE_URL ?? 'http://localhost:8000';

export default defineConfig({
  base: '/manager/',
  build: { target: 'es2022', sourcemap: true, assetsInlineLimit: 0 },
  server: { proxy: { '/api': { target: APPLIANCE, changeOrigin: true }, '/images': APPLIANCE } },
  // Brotli and gzip copies of every text file beside it; the server picks one by Accept-Encoding.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
});
