import { call, client, eventStreamUrl } from '../../shared/api/client';
import type { LiveEventCatalogue } from 'appliance/client';
import { connectEventStream, type EventHandlers } from '@tavli/web-client/event-stream';
import { queryClient } from '../../shared/api/queries';
import { categories, products } from '../menu/queries';
import { orderUpdated, refreshActiveOrders } from '../order/queries';
import { applyLicense, applyPrinter, loadStatus, setReachable } from '../status/store';
import { tables } from '../tables/queries';

/** After (re)connecting: catch up on whatever changed while the stream was down. */
function catchUp(): void {
  for (const list of [tables, products, categories]) void queryClient.invalidateQueries({ queryKey: list.query.queryKey });
  void refreshActiveOrders();
  void loadStatus();
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
    onReady: () => {
      setReachable(true);
      catchUp();
    },
    onDown: () => setReachable(false),
    // A 401 here signs the waiter out (see onApiNotice).
    onRefused: () => void call(client.api.auth.me.$get, {}, 200),
  });
}
