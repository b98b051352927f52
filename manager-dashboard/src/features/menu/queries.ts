import { liveList } from '@tavli/web-client/live-list';
import { call, client, type Ok } from '../../shared/api/client';
import { queryClient, unwrap } from '../../shared/api/queries';

export type Product = Ok<typeof client.api.products.$get>[number];
export type Category = Ok<typeof client.api.products.categories.$get>[number];

type Sorted = { sort_order: number; name: string };
const bySort = (a: Sorted, b: Sorted) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'el');

/** The whole menu, 86'd dishes included, kept live by `product.*` and `category.*` events. */
export const products = liveList<Product>(
  queryClient,
  'products',
  () => unwrap(call(client.api.products.$get, { query: { include_unavailable: 'true' } }, 200)),
  bySort,
);
export const categories = liveList<Category>(queryClient, 'categories', () => unwrap(call(client.api.products.categories.$get, {}, 200)), bySort);
