import { bySortOrder } from '@tavli/i18n/greek';
import { liveList } from '@tavli/web-client/live-list';
import { call, client, type Ok } from '../../shared/api/client';
import { queryClient, unwrap } from '../../shared/api/queries';

export type Product = Ok<typeof client.api.products.$get>[number];
export type Category = Ok<typeof client.api.products.categories.$get>[number];

/** The whole menu, 86'd dishes included, kept live by `product.*` and `category.*` events. */
export const products = liveList<Product>(
  queryClient,
  'products',
  () => unwrap(call(client.api.products.$get, { query: { include_unavailable: 'true' } }, 200)),
  bySortOrder,
);
export const categories = liveList<Category>(queryClient, 'categories', () => unwrap(call(client.api.products.categories.$get, {}, 200)), bySortOrder);
