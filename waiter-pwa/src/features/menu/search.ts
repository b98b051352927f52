import { matchesQuery } from '@tavli/i18n/greek';
import type { Product } from './api';

/** Products whose name matches the query (accent-insensitive Greek, or greeklish); all when it is empty. */
export function searchProducts(products: Product[], query: string): Product[] {
  return query.trim() ? products.filter((product) => matchesQuery(product.name, query)) : products;
}
