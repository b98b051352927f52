import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** Where `npm run dev` finds a running licensing cloud (`npm start` runs one on :8001). */
const CLOUD = process.env.CLOUD_URL ?? 'http://localhost:8001';

export default defineConfig({
  base: '/admin/',
  build: { target: 'es2022', sourcemap: true, assetsInlineLimit: 0 },
  server: { proxy: { '/api': { target: CLOUD, changeOrigin: true } } },
  // Brotli and gzip copies of every text file beside it; the server picks one by Accept-Encoding.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
});
