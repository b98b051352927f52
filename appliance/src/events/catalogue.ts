import { z } from '@hono/zod-openapi';
import { LicenseStatus } from '../license/license.schema.js';
import { CategorySchema, ProductSchema } from '../menu/menu.schema.js';
import { OrderTotalsSchema } from '../orders/orders.schema.js';
import { PrinterStatusSchema } from '../printing/printers.schema.js';
import { TableSchema } from '../tables/tables.schema.js';

const Removed = z.object({ id: z.number().int() });

/**
 * Every live event the appliance pushes on `GET /api/events`, by SSE event name, with the schema
 * of its payload: the typed catalogue the front ends use and the API document are both made from it.
 */
export const LIVE_EVENTS = {
  /**
   * First on every stream: who it is for, and the last event published before it. A screen refetches
   * what it shows unless its answer already included that event (the answer's `X-Event-Id` header).
   */
  ready: z.object({ user_id: z.number().int(), last_event_id: z.number().int() }),
  'table.updated': TableSchema,
  'table.removed': Removed,
  /** Only to the order's waiters, their assistants and managers. */
  'order.updated': OrderTotalsSchema,
  'product.updated': ProductSchema,
  'product.removed': Removed,
  'category.updated': CategorySchema,
  'category.removed': Removed,
  'printer.updated': PrinterStatusSchema,
  'license.updated': LicenseStatus,
};

export type LiveEventCatalogue = { [Type in keyof typeof LIVE_EVENTS]: z.output<(typeof LIVE_EVENTS)[Type]> };

export type LiveEventType = keyof LiveEventCatalogue;
