import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

/** Where `npm run dev` finds a running appliance (`npm start` at the root). */
const APPLIANCE = process.env.APPLIANCE_URL ?? 'http://localhost:8000';

export default defineConfig({
  base: '/waiter/',
  // No modulepreload polyfill: every browser the app supports preloads modules itself, and one that
  // does not only loads the first screen's chunks a moment later.
  build: { target: 'es2022', sourcemap: true, assetsInlineLimit: 0, modulePreload: { polyfill: false } },
  // The phone runs the app on Preact's React-compatible core: a tenth of React DOM's size, which is
  // what keeps the first load within its budget on a crowded Wi-Fi. Types and unit tests stay React's.
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  server: { proxy: { '/api': { target: APPLIANCE, changeOrigin: true }, '/images': APPLIANCE } },
  plugins: [
    react(),
    // Brotli and gzip copies of every text file beside it; the server picks one by Accept-Encoding.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt', // never reload under a waiter's thumb: the app offers the update
      injectRegister: false, // registered by src/app/serviceWorker.ts through workbox-window
      includeAssets: ['icons/favicon-32.png', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/waiter/',
        name: 'Tavli · Σερβιτόροι',
        short_name: 'Tavli',
        description: 'Παραγγελίες από το κινητό · Orders from your phone',
        lang: 'el',
        start_url: '/waiter/',
        scope: '/waiter/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1f2430',
        background_color: '#1f2430',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/waiter/index.html',
        navigateFallbackAllowlist: [/^\/waiter\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true, // the first install controls the open page at once (updates still wait for "Reload")
        runtimeCaching: [
          {
            // Menu pictures: src/features/menu/imageCache.ts warms this cache when the menu loads.
            urlPattern: ({ url }) => url.pathname.startsWith('/images/'),
            handler: 'CacheFirst',
            options: { cacheName: 'tavli-menu-images', expiration: { maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 60 } },
          },
        ],
      },
    }),
  ],
});
