import { useEffect, useState } from 'react';
import { queryCache, unwrap } from '../../shared/api/queries';
import { fetchOrder, type Order } from './api';

const ACTIVE = new Set(['open', 'partially_paid', 'paid']);

export const orderKey = (orderId: string) => ['order', orderId] as const;

/** One order as the appliance has it. A 404 for an order this phone opened offline is expected. */
export const orderQuery = (orderId: string) => ({ queryKey: orderKey(orderId), queryFn: () => unwrap(fetchOrder(orderId)) });

/** After this phone changed it (sent, paid): ask again. */
export const refreshOrder = (orderId: string) => queryCache.invalidate(orderKey(orderId));

/** An `order.updated` event: an order this phone shows is asked for again (the event carries totals only). */
export function orderUpdated(orderId: string): void {
  if (queryCache.getQueryData(orderKey(orderId))) void refreshOrder(orderId);
}

/** After the live stream (re)connects: every order still active that `mayHaveChanged` is asked for again. */
export const refreshActiveOrders = (mayHaveChanged: (orderId: string) => boolean) =>
  queryCache.invalidate(['order'], (key, state) => {
    const order = state.data as Order | undefined;
    return (!order || ACTIVE.has(order.status)) && mayHaveChanged(String(key[1]));
  });

const cachedOrders = () => queryCache.getQueriesData<Order>(['order']).map(([, order]) => order);

/** Every order this phone has loaded, updated as they change. */
export function useCachedOrders(): Order[] {
  const [orders, setOrders] = useState(cachedOrders);
  useEffect(
    () =>
      queryCache.subscribe((key) => {
        if (key[0] === 'order') setOrders(cachedOrders());
      }),
    [],
  );
  return orders;
}
