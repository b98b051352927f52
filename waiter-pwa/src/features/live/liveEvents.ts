import { call, client, eventStreamUrl } from '../../shared/api/client';
import type { Category, Product } from '../menu/api';
import { applyCategory, applyProduct, loadMenu, removeCategory, removeProduct } from '../menu/store';
import type { OrderTotals } from '../order/api';
import { loadOrder, useOrders } from '../order/store';
import type { LicenseStatus, PrinterStatus } from '../status/api';
import { applyLicense, applyPrinter, loadStatus, setReachable } from '../status/store';
import type { Table } from '../tables/api';
import { applyTable, loadTables, removeTable } from '../tables/store';

const ACTIVE = new Set(['open', 'partially_paid', 'paid']);

/** After (re)connecting: catch up on whatever changed while the stream was down. */
function catchUp(): void {
  void loadTables();
  void loadMenu();
  void loadStatus();
  for (const [id, entry] of Object.entries(useOrders.getState().server)) {
    if (!entry.order || ACTIVE.has(entry.order.status)) void loadOrder(id);
  }
}

function onOrderUpdated(totals: OrderTotals): void {
  if (useOrders.getState().server[totals.id]) void loadOrder(totals.id);
}

/** What each event carries: the body (or part of it) the matching GET endpoint answers. */
type LiveEvents = {
  'table.updated': Table;
  'table.removed': Pick<Table, 'id'>;
  'product.updated': Product;
  'product.removed': Pick<Product, 'id'>;
  'category.updated': Category;
  'category.removed': Pick<Category, 'id'>;
  'order.updated': OrderTotals;
  'printer.updated': PrinterStatus;
  'license.updated': LicenseStatus;
};

const handlers: { [Type in keyof LiveEvents]: (data: LiveEvents[Type]) => void } = {
  'table.updated': applyTable,
  'table.removed': ({ id }) => removeTable(id),
  'product.updated': applyProduct,
  'product.removed': ({ id }) => removeProduct(id),
  'category.updated': applyCategory,
  'category.removed': ({ id }) => removeCategory(id),
  'order.updated': onOrderUpdated,
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
