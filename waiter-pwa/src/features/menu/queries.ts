import { bySortOrder } from '@tavli/i18n/greek';
import { liveList } from '@tavli/web-client/live-list';
import { queryCache, unwrap } from '../../shared/api/queries';
import { fetchCategories, fetchProducts, type Category, type Product } from './api';
import { warmImageCache } from './imageCache';

// 86'd dishes come too and stay in the list, so a tile greys out where the waiter expects it rather
// than vanishing; their pictures are put in the offline cache as the menu arrives.
export const products = liveList<Product>(
  queryCache,
  'products',
  async () => {
    const fetched = await unwrap(fetchProducts());
    warmImageCache(fetched);
    return fetched;
  },
  bySortOrder,
);

export const categories = liveList<Category>(queryCache, 'categories', () => unwrap(fetchCategories()), bySortOrder);

/** Whether a waiter can add it now: not "86'd" and not sold out. */
export const isOrderable = (product: Product) => product.is_available && product.stock_remaining !== 0;
