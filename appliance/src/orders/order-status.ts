import { sql } from 'kysely';
import type { OrderStatus } from './orders.table.js';

/** An order in one of these states occupies its table. */
export const ACTIVE_ORDER_STATUSES: OrderStatus[] = ['open', 'partially_paid', 'paid'];

/** The same as SQL literals: compared with bound values, SQLite could not use the partial index of active orders. */
export const ACTIVE_ORDER_STATUS_LITERALS = ACTIVE_ORDER_STATUSES.map((status) => sql.lit(status));
