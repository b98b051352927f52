import { call, client, type Ok } from '../../shared/api/client';

export type Order = Ok<(typeof client.api.orders)[':id']['$get']>;
export type Line = Order['items'][number];
/** What `order.updated` events carry: the order's totals. */
export type OrderTotals = Pick<Order, 'id' | 'table_id' | 'status' | 'total_cents' | 'paid_cents' | 'unpaid_cents'>;

export const fetchOrder = (id: string) => call(client.api.orders[':id'].$get, { param: { id } }, 200);
