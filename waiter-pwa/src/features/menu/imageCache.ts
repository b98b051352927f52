import type { Product } from './api';

/** The cache the service worker serves menu pictures from (see vite.config.ts). */
export const MENU_IMAGE_CACHE = 'tavli-menu-images';

/** Puts every menu picture in the offline cache, so tiles keep their pictures without a network. */
export function warmImageCache(products: Product[]): void {
  if (typeof caches === 'undefined') return;
  const urls = [...new Set(products.flatMap((product) => (product.image_url ? [product.image_url] : [])))];
  if (urls.length === 0) return;
  void (async () => {
    try {
      const cache = await caches.open(MENU_IMAGE_CACHE);
      for (const url of urls) {
        if (!(await cache.match(url))) await cache.add(url);
      }
    } catch {
      /* a picture that cannot be fetched now is fetched when it is first shown */
    }
  })();
}
