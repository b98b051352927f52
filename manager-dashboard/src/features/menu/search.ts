import { matchesQuery } from '@tavli/i18n/greek';
import type { Product } from './queries';

/** Products of `categoryId` (all when undefined) whose name matches the query, accent-insensitive. */
export const filterProducts = (products: Product[], query: string, categoryId: number | undefined) =>
  products.filter((product) => (categoryId === undefined || product.category_id === categoryId) && matchesQuery(product.name, query));
