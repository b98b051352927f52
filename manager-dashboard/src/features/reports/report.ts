import type { ShiftReport } from '../floor/queries';

export type { ShiftReport };

const METHODS = ['cash', 'card', 'other'] as const;

/** The day after a YYYY-MM-DD date (reports take an exclusive end). */
export function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The query for business days `from` to `to`, both included. */
export const rangeQuery = (from: string, to: string) => ({ from, to: nextDay(to < from ? from : to) });

/** The report's headline figures, each a sum the manager can check against the parts shown under it. */
export function headline(report: ShiftReport) {
  const voids = report.voids.reduce((sum, entry) => sum + entry.amount_cents, 0);
  const unpaid = report.open_orders.reduce((sum, order) => sum + order.unpaid_cents, 0);
  const vat = report.vat.reduce((sum, rate) => sum + rate.vat_cents, 0);
  return {
    gross: report.totals.gross_cents,
    tips: report.totals.tips_cents,
    takings: report.totals.gross_cents + report.totals.tips_cents,
    byMethod: METHODS.map((method) => ({ method, cents: report.totals.by_method[method] })),
    vat,
    net: report.totals.gross_cents - vat,
    voids,
    unpaid,
  };
}

/** Sales per hour of the restaurant's day, for the chart: `label` is the local hour ("19:00"). */
export function hourlySales(report: ShiftReport, hourLabel: (iso: string) => string) {
  const rows = report.by_hour.map((row) => ({ label: hourLabel(row.hour), cents: row.gross_cents }));
  const max = Math.max(1, ...rows.map((row) => row.cents));
  return rows.map((row) => ({ ...row, share: row.cents / max }));
}

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const euros = (cents: number) => (cents / 100).toFixed(2);

/** The report as CSV (one section after another, amounts in currency units with a dot), for a spreadsheet or the accountant. */
export function reportCsv(report: ShiftReport, labels: { section(name: string): string; method(method: string): string; kind(kind: string): string }): string {
  const lines: Array<Array<string | number>> = [
    [labels.section('range'), report.from, report.to, report.currency],
    [],
    [labels.section('totals')],
    [labels.section('gross'), euros(report.totals.gross_cents)],
    [labels.section('tips'), euros(report.totals.tips_cents)],
    ...METHODS.map((method) => [labels.method(method), euros(report.totals.by_method[method])]),
    [],
    [labels.section('vat'), labels.section('gross'), labels.section('vatIncluded')],
    ...report.vat.map((rate) => [`${rate.rate_bp / 100}%`, euros(rate.gross_cents), euros(rate.vat_cents)]),
    [],
    [labels.section('waiter'), labels.section('payments'), labels.section('gross'), labels.section('tips'), ...METHODS.map(labels.method)],
    ...report.by_waiter.map((waiter) => [
      waiter.full_name,
      waiter.payments,
      euros(waiter.gross_cents),
      euros(waiter.tips_cents),
      ...METHODS.map((method) => euros(waiter.by_method[method])),
    ]),
    [],
    [labels.section('product'), labels.section('quantity'), labels.section('revenue')],
    ...report.by_product.map((product) => [product.name, product.quantity, euros(product.revenue_cents)]),
    [],
    [
      labels.section('voids'),
      labels.section('table'),
      labels.section('item'),
      labels.section('amount'),
      labels.section('reason'),
      labels.section('by'),
      labels.section('at'),
    ],
    ...report.voids.map((entry) => [
      labels.kind(entry.kind),
      entry.table_label,
      entry.item_name ?? '',
      euros(entry.amount_cents),
      entry.reason,
      entry.by.full_name,
      entry.at,
    ]),
  ];
  return lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
