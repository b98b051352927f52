import { queryOptions } from '@tanstack/react-query';
import { call, client, type Ok } from '../../shared/api/client';
import { unwrap } from '../../shared/api/queries';

export type Order = Ok<(typeof client.api.orders)[':id']['$get']>;
export type Line = Order['items'][number];

export const orderQuery = (id: string) =>
  queryOptions({ queryKey: ['order', id], queryFn: () => unwrap(call(client.api.orders[':id'].$get, { param: { id } }, 200)) });
