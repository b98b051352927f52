import type { LicenseStatus } from '../license/license.schema.js';
import type { CategoryView, ProductView } from '../menu/menu.schema.js';
import type { OrderTotals } from '../orders/orders.schema.js';
import type { PrinterStatus } from '../printing/printers.schema.js';
import type { TableView } from '../tables/tables.schema.js';

/** Every live event the appliance pushes on `GET /api/events`, by SSE event name, with its payload. */
export type LiveEventCatalogue = {
  /**
   * First on every stream: who it is for, and the last event published before it. A screen refetches
   * what it shows unless its answer already included that event (the answer's `X-Event-Id` header).
   */
  ready: { user_id: number; last_event_id: number };
  'table.updated': TableView;
  'table.removed': { id: number };
  /** Only to the order's waiters, their assistants and managers. */
  'order.updated': OrderTotals;
  'product.updated': ProductView;
  'product.removed': { id: number };
  'category.updated': CategoryView;
  'category.removed': { id: number };
  'printer.updated': PrinterStatus;
  'license.updated': LicenseStatus;
};

export type LiveEventType = keyof LiveEventCatalogue;
