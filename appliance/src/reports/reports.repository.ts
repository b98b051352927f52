import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { orderTotalCents, orderUnpaidCents } from '../orders/order-amounts.sql.js';
import { ACTIVE_ORDER_STATUS_LITERALS } from '../orders/order-status.js';
import type { ReportRange } from './reports.schema.js';

const lineTotal = sql<number>`sum(i.quantity * i.unit_price_cents)`;

/** Payments taken in the range, summed per staff member and method. */
export const paymentSums = (db: Db, { from, to }: ReportRange) =>
  db.all(
    db.q
      .selectFrom('payments as p')
      .innerJoin('users as u', 'u.id', 'p.created_by')
      .select(({ fn }) => [
        'p.created_by as user_id',
        'u.full_name',
        'p.method',
        fn.countAll<number>().as('payments'),
        fn.sum<number>('p.amount_cents').as('gross_cents'),
        fn.sum<number>('p.tip_cents').as('tips_cents'),
      ])
      .where('p.created_at', '>=', from)
      .where('p.created_at', '<', to)
      .groupBy(['p.created_by', 'p.method'])
      .orderBy('u.full_name')
      .orderBy('p.created_by'),
  );

/** Goods and tips paid per clock hour (UTC, so every zone's whole-hour offsets line up), in time order. */
export const salesByHour = (db: Db, { from, to }: ReportRange) =>
  db.all(
    db.q
      .selectFrom('payments as p')
      .select(({ fn }) => [
        sql<string>`substr(p.created_at, 1, 13) || ':00:00.000Z'`.as('hour'),
        fn.countAll<number>().as('payments'),
        fn.sum<number>('p.amount_cents').as('gross_cents'),
        fn.sum<number>('p.tip_cents').as('tips_cents'),
      ])
      .where('p.created_at', '>=', from)
      .where('p.created_at', '<', to)
      .groupBy('hour')
      .orderBy('hour'),
  );

/** Lines paid by a payment taken in the range: revenue counts when it is paid. */
const paidLines = (db: Db, { from, to }: ReportRange) =>
  db.q
    .selectFrom('order_items as i')
    .innerJoin('payments as p', 'p.id', 'i.payment_id')
    .where('i.status', '=', 'paid')
    .where('p.created_at', '>=', from)
    .where('p.created_at', '<', to);

export const grossByVatRate = (db: Db, range: ReportRange) =>
  db.all(
    paidLines(db, range)
      .select(['i.vat_rate_bp as rate_bp', lineTotal.as('gross_cents')])
      .groupBy('i.vat_rate_bp')
      .orderBy('i.vat_rate_bp'),
  );

/** Top sellers first: quantity, then revenue. */
export const productSales = (db: Db, range: ReportRange) =>
  db.all(
    paidLines(db, range)
      .innerJoin('products as pr', 'pr.id', 'i.product_id')
      .select(({ fn }) => ['i.product_id', 'pr.name', fn.sum<number>('i.quantity').as('quantity'), lineTotal.as('revenue_cents')])
      .groupBy('i.product_id')
      .orderBy('quantity', 'desc')
      .orderBy('revenue_cents', 'desc')
      .orderBy('pr.name'),
  );

export const voidedLines = (db: Db, { from, to }: ReportRange) =>
  db.all(
    db.q
      .selectFrom('order_items as i')
      .innerJoin('orders as o', 'o.id', 'i.order_id')
      .innerJoin('tables as t', 't.id', 'o.table_id')
      .innerJoin('users as u', 'u.id', 'i.voided_by')
      .select([
        'i.order_id',
        't.label as table_label',
        'i.name as item_name',
        'i.quantity',
        sql<number>`i.quantity * i.unit_price_cents`.as('amount_cents'),
        'i.void_reason as reason',
        'u.id as by_id',
        'u.full_name as by_name',
        'i.voided_at as at',
      ])
      .where('i.status', '=', 'void')
      .where('i.voided_at', '>=', from)
      .where('i.voided_at', '<', to)
      .$narrowType<{ reason: string; at: string }>(),
  );

/**
 * Orders that ended without being paid in full: cancelled ones, and ones a manager closed with
 * items still unpaid (a write-off), each with the value left unpaid.
 */
export const unpaidEndings = (db: Db, { from, to }: ReportRange) =>
  db.all(
    db.q
      .selectFrom('orders as o')
      .innerJoin('tables as t', 't.id', 'o.table_id')
      .innerJoin('users as u', 'u.id', 'o.closed_by')
      .select([
        'o.id as order_id',
        'o.status',
        't.label as table_label',
        orderUnpaidCents.as('amount_cents'),
        'o.close_reason as reason',
        'u.id as by_id',
        'u.full_name as by_name',
        'o.closed_at as at',
      ])
      .where((eb) => eb.or([eb('o.status', '=', 'cancelled'), eb.and([eb('o.status', '=', 'closed'), eb(orderUnpaidCents, '>', 0)])]))
      .where('o.closed_at', '>=', from)
      .where('o.closed_at', '<', to)
      .$narrowType<{ reason: string; at: string }>(),
  );

/** Orders occupying a table right now, whatever the range. */
export const openOrders = (db: Db) =>
  db.all(
    db.q
      .selectFrom('orders as o')
      .innerJoin('tables as t', 't.id', 'o.table_id')
      .select(['o.id', 'o.table_id', 't.label as table_label', 'o.opened_at', orderTotalCents.as('total_cents'), orderUnpaidCents.as('unpaid_cents')])
      .where('o.status', 'in', ACTIVE_ORDER_STATUS_LITERALS)
      .orderBy('o.opened_at')
      .orderBy('o.id'),
  );

export const waiterNames = (db: Db, orderIds: string[]) =>
  orderIds.length === 0
    ? []
    : db.all(
        db.q
          .selectFrom('order_waiters as w')
          .innerJoin('users as u', 'u.id', 'w.user_id')
          .select(['w.order_id', 'u.full_name'])
          .where('w.order_id', 'in', orderIds)
          .orderBy('w.added_at')
          .orderBy('u.id'),
      );
