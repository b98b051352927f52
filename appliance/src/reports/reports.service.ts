import type { PaymentMethod } from '../orders/orders.table.js';
import type { AppContext } from '../shared/context.js';
import { groupBy } from '../shared/collections.js';
import { vatIncluded } from '../shared/money.js';
import { reportRange } from './report-range.js';
import { grossByVatRate, openOrders, paymentSums, productSales, salesByHour, unpaidEndings, voidedLines, waiterNames } from './reports.repository.js';
import type { Tx } from '../db/database.js';
import type { PrintingService } from '../printing/printing.service.js';
import { readSettings } from '../settings/settings.service.js';
import type { AuthUser } from '../shared/env.js';
import { zSummary } from './z-summary.js';
import type { ReportRange, ShiftReport } from './reports.schema.js';

type ByMethod = Record<PaymentMethod, number>;
type WaiterTotals = ShiftReport['by_waiter'][number];

const noMethods = (): ByMethod => ({ cash: 0, card: 0, other: 0 });

type RangeQuery = { from?: string | undefined; to?: string | undefined };

export function createReportsService(ctx: AppContext, printing: PrintingService) {
  const { db, config } = ctx;

  /** Totals and per-waiter hand-in; by_method splits the goods paid (tips are reported apart). */
  function payments(range: ReportRange) {
    const totals = { gross_cents: 0, tips_cents: 0, by_method: noMethods() };
    const byWaiter = new Map<number, WaiterTotals>();
    for (const row of paymentSums(db, range)) {
      const waiter = byWaiter.get(row.user_id) ?? {
        user_id: row.user_id,
        full_name: row.full_name,
        payments: 0,
        gross_cents: 0,
        tips_cents: 0,
        by_method: noMethods(),
      };
      byWaiter.set(row.user_id, waiter);
      for (const sums of [totals, waiter]) {
        sums.gross_cents += row.gross_cents;
        sums.tips_cents += row.tips_cents;
        sums.by_method[row.method] += row.gross_cents;
      }
      waiter.payments += row.payments;
    }
    return { totals, by_waiter: [...byWaiter.values()] };
  }

  function voids(range: ReportRange): ShiftReport['voids'] {
    const lines = voidedLines(db, range).map(({ by_id, by_name, ...row }) => ({ kind: 'void' as const, ...row, by: { id: by_id, full_name: by_name } }));
    const orders = unpaidEndings(db, range).map(({ by_id, by_name, status, ...row }) => ({
      kind: status === 'cancelled' ? ('cancellation' as const) : ('write_off' as const),
      ...row,
      item_name: null,
      quantity: null,
      by: { id: by_id, full_name: by_name },
    }));
    return [...lines, ...orders].sort((a, b) => a.at.localeCompare(b.at));
  }

  function open(): ShiftReport['open_orders'] {
    const orders = openOrders(db);
    const names = groupBy(
      waiterNames(
        db,
        orders.map((order) => order.id),
      ),
      (row) => row.order_id,
    );
    return orders.map((order) => ({ ...order, waiters: (names.get(order.id) ?? []).map((row) => row.full_name) }));
  }

  /** The shift report for `from`–`to` (default: the current business day); 400 for a bad date. */
  function shift(query: RangeQuery): ShiftReport {
    const businessDays = { timeZone: config.timeZone, businessDayStart: readSettings(db, config).business_day_start };
    const range = reportRange(query, ctx.clock.now(), businessDays);
    const { totals, by_waiter } = payments(range);
    return {
      ...range,
      currency: config.currency,
      totals,
      vat: grossByVatRate(db, range).map((row) => ({ ...row, vat_cents: vatIncluded(row.gross_cents, row.rate_bp) })),
      by_waiter,
      by_hour: salesByHour(db, range),
      by_product: productSales(db, range),
      voids: voids(range),
      open_orders: open(),
    };
  }

  return {
    shift,
    /** The end-of-day ("Z") summary of the same range, queued on the bill printer (or `printerId`). */
    printShift: (tx: Tx, user: AuthUser, query: RangeQuery, printerId: number | undefined) => {
      const report = shift(query);
      return printing.queueReport(tx, user, (restaurant, at, locale) => zSummary(restaurant, report, at, locale), printerId);
    },
  };
}
