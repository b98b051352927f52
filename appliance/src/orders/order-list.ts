import type { Db } from '../db/database.js';
import { badRequest } from '../shared/errors.js';
import { parseInstant } from '../shared/time.js';
import { listOrderIds } from './orders.repository.js';
import type { OrderStatus } from './orders.table.js';
import type { OrderView } from './orders.schema.js';

export type ListQuery = {
  status?: OrderStatus | undefined;
  table_id?: number | undefined;
  waiter_id?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

const encodeCursor = (order: OrderView) => Buffer.from(`${order.opened_at}|${order.id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [openedAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!openedAt || !id) throw badRequest('invalid_cursor', 'This page cursor is not valid');
  return { openedAt, id };
}

function instant(value: string | undefined, timeZone: string, name: string) {
  if (value === undefined) return undefined;
  const parsed = parseInstant(value, timeZone);
  if (!parsed) throw badRequest('invalid_date', `${name} is not a valid date or time`);
  return parsed;
}

/** One page of orders, newest first, with the cursor for the next page (null on the last). */
export function listPage(db: Db, timeZone: string, query: ListQuery, view: (id: string) => OrderView) {
  const ids = listOrderIds(db, {
    status: query.status,
    tableId: query.table_id,
    waiterId: query.waiter_id,
    from: instant(query.from, timeZone, 'from'),
    to: instant(query.to, timeZone, 'to'),
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const items = ids.slice(0, query.limit).map(view);
  const last = items[items.length - 1];
  return { items, next_cursor: ids.length > query.limit && last ? encodeCursor(last) : null };
}
