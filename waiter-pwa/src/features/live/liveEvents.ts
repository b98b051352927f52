import { answeredSince, call, client, eventStreamUrl } from '../../shared/api/client';
import type { LiveEventCatalogue } from 'appliance/client';
import { connectEventStream, type EventHandlers } from '@tavli/web-client/event-stream';
import { queryCache } from '../../shared/api/queries';
import { categories, products } from '../menu/queries';
import { orderUpdated, refreshActiveOrders } from '../order/queries';
import { applyLicense, applyPrinter, loadStatus, setReachable, statusLoaded } from '../status/store';
import { statusUrls } from '../status/api';
import { tables } from '../tables/queries';

/**
 * After (re)connecting: ask again for whatever may have changed while the stream was down, that is
 * whatever was last answered before the stream's `ready` event. Answers on their way are waited for,
 * so signing in fetches each list once.
 */
async function catchUp(lastEventId: number): Promise<void> {
  await Promise.all([queryCache.whenIdle(), statusLoaded()]);
  const stale = (url: URL) => !answeredSince(url, lastEventId);
  const lists = [
    [tables, client.api.tables.$url()],
    [products, client.api.products.$url()],
    [categories, client.api.products.categories.$url()],
  ] as const;
  for (const [list, url] of lists) if (stale(url)) void queryCache.invalidate(list.query.queryKey);
  void refreshActiveOrders((id) => stale(client.api.orders[':id'].$url({ param: { id } })));
  if (statusUrls().some(stale)) void loadStatus();
}

const handlers: EventHandlers<LiveEventCatalogue> = {
  'table.updated': (table) => tables.apply(table),
  'table.removed': ({ id }) => tables.remove(id),
  'product.updated': (product) => products.apply(product),
  'product.removed': ({ id }) => products.remove(id),
  'category.updated': (category) => categories.apply(category),
  'category.removed': ({ id }) => categories.remove(id),
  'order.updated': ({ id }) => orderUpdated(id),
  'printer.updated': applyPrinter,
  'license.updated': applyLicense,
};

/** The appliance's event stream: tables, orders, products and printers change on screen as they change on the appliance. */
export function connectLiveEvents(token: string): () => void {
  return connectEventStream(() => eventStreamUrl(token), handlers, {
    onReady: (lastEventId) => {
      setReachable(true);
      void catchUp(lastEventId);
    },
    onDown: () => setReachable(false),
    // A 401 here signs the waiter out (see onApiNotice).
    onRefused: () => void call(client.api.auth.me.$get, {}, 200),
  });
}
