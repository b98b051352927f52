import { call, client, eventStreamUrl } from '../../shared/api/client';
import type { LiveEventCatalogue } from 'appliance/client';
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

/** Every event the appliance pushes but `ready`, which `catchUp` answers. */
type LiveEvents = Omit<LiveEventCatalogue, 'ready'>;

const handlers: { [Type in keyof LiveEvents]: (data: LiveEvents[Type]) => void } = {
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

/**
 * The appliance's event stream: tables, orders, products and printers change on screen as they
 * change on the appliance, not by polling. Reconnects by itself (the browser retries network
 * drops; a refused stream is reopened with backoff after checking the token). Answers a stop function.
 */
export function connectLiveEvents(token: string): () => void {
  let source: EventSource | undefined;
  let retryMs = 1_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const open = () => {
    source = new EventSource(eventStreamUrl(token));
    source.addEventListener('ready', () => {
      retryMs = 1_000;
      setReachable(true);
      catchUp();
    });
    for (const [type, handle] of Object.entries(handlers)) {
      source.addEventListener(type, (event) => {
        try {
          // The appliance sends each type with the body named above; the stream itself is untyped.
          (handle as (data: unknown) => void)(JSON.parse((event as MessageEvent<string>).data));
        } catch {
          /* a malformed event is skipped; the next catch-up repairs the view */
        }
      });
    }
    source.onerror = () => {
      setReachable(false);
      if (source?.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
      source.close();
      void call(client.api.auth.me.$get, {}, 200); // a 401 here signs the waiter out (see onApiNotice)
      timer = setTimeout(() => {
        if (!stopped) open();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 30_000);
    };
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
