import { queryOptions } from '@tanstack/react-query';
import { queryClient, unwrap } from '../../shared/api/queries';
import { createFreshness } from '../../shared/freshness';
import { fetchCategories, fetchProducts, type Category, type Product } from './api';
import { warmImageCache } from './imageCache';

type Sorted = { id: number; sort_order: number; name: string };
const bySort = (a: Sorted, b: Sorted) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'el');

/**
 * A menu list kept by GET and by live events. A product stays in the list when it becomes
 * unavailable, so its tile greys out where the waiter expects it rather than vanishing.
 */
function liveList<T extends Sorted>(key: readonly [string], fetch: () => Promise<T[]>) {
  const freshness = createFreshness<number>();
  const current = () => queryClient.getQueryData<T[]>(key) ?? [];
  return {
    query: queryOptions({
      queryKey: key,
      queryFn: async () => {
        const token = freshness.start();
        const fetched = await fetch();
        return (freshness.merge(token, fetched, current(), (row) => row.id) ?? current()).sort(bySort);
      },
    }),
    apply(row: T): void {
      freshness.touch(row.id);
      const rows = current();
      const exists = rows.some((existing) => existing.id === row.id);
      queryClient.setQueryData(key, (exists ? rows.map((existing) => (existing.id === row.id ? row : existing)) : [...rows, row]).sort(bySort));
    },
    remove(id: number): void {
      freshness.touch(id);
      queryClient.setQueryData(
        key,
        current().filter((row) => row.id !== id),
      );
    },
  };
}

// 86'd dishes come too (greyed out); their pictures are put in the offline cache as the menu arrives.
export const products = liveList<Product>(['products'], async () => {
  const fetched = await unwrap(fetchProducts());
  warmImageCache(fetched);
  return fetched;
});

export const categories = liveList<Category>(['categories'], () => unwrap(fetchCategories()));

/** Whether a waiter can add it now: not "86'd" and not sold out. */
export const isOrderable = (product: Product) => product.is_available && product.stock_remaining !== 0;
