import type { OrderStatus } from './orders.table.js';

/** An order in one of these states occupies its table. */
export const ACTIVE_ORDER_STATUSES: OrderStatus[] = ['open', 'partially_paid', 'paid'];
