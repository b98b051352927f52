import { call, client, type Ok } from '../../shared/api/client';

export type Product = Ok<typeof client.api.products.$get>[number];
export type Category = Ok<typeof client.api.products.categories.$get>[number];
export type PreferenceSet = Product['preference_sets'][number];

// 86'd dishes come too, so they show greyed out rather than missing.
export const fetchProducts = () => call(client.api.products.$get, { query: { include_unavailable: 'true' } }, 200);
export const fetchCategories = () => call(client.api.products.categories.$get, {}, 200);
