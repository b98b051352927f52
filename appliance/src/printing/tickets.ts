import { vatIncluded } from '../shared/money.js';
import { localDateTime } from '../shared/time.js';
import type { Block, PrintDocument } from './document.js';
import { TEXT } from './ticket-text.js';

/** An order line as the kitchen and the bill need it (its snapshot, never the live menu). */
export type PrintLine = {
  id: string;
  name: string;
  quantity: number;
  printer_id: number | null;
  options: Array<{ name: string }>;
  preferences: Array<{ set_name: string; name: string }>;
  removed_ingredients: Array<{ name: string }>;
  note: string;
};

export type BillLine = PrintLine & { line_total_cents: number; vat_rate_bp: number; status: string };

/** Who and where: the header every slip carries. */
export type PrintOrder = { id: string; table_label: string; waiter: string };

export type Locale = { timeZone: string; currency: string };

const shortNumber = (orderId: string) => orderId.replace(/-/g, '').slice(0, 6).toUpperCase();

const moneyFormats = new Map<string, Intl.NumberFormat>();
export const money = (cents: number, currency: string) => {
  let format = moneyFormats.get(currency);
  if (!format) moneyFormats.set(currency, (format = new Intl.NumberFormat('el-GR', { style: 'currency', currency })));
  return format.format(cents / 100).replace(/\s/gu, ' ');
};

const meta = (order: PrintOrder, person: string, at: string, locale: Locale) => [
  TEXT.table(order.table_label),
  `${TEXT.order(shortNumber(order.id))} · ${person}`,
  localDateTime(at, locale.timeZone),
];

/** Options, preferences, removed ingredients and note, indented under their line. */
function details(line: PrintLine): Block[] {
  const detail = (text: string, bold = false): Block => ({ type: 'text', text, margin: 4, indent: 2, bold });
  return [
    ...line.options.map((option) => detail(TEXT.option(option.name))),
    ...line.preferences.map((choice) => detail(`${choice.set_name}: ${choice.name}`)),
    ...line.removed_ingredients.map((ingredient) => detail(TEXT.without(ingredient.name), true)),
    ...(line.note ? [detail(TEXT.note(line.note), true)] : []),
  ];
}

const itemLine = (line: PrintLine): Block => ({ type: 'text', text: `${line.quantity} x ${line.name}`, size: 'tall', bold: true, indent: 4 });

export function kitchenTicket(zone: string, order: PrintOrder, lines: PrintLine[], at: string, locale: Locale, copy: boolean): PrintDocument {
  return {
    title: zone,
    banners: copy ? [TEXT.copy] : [],
    meta: meta(order, order.waiter, at, locale),
    body: lines.flatMap((line) => [itemLine(line), ...details(line)]),
  };
}

export function voidSlip(zone: string, order: PrintOrder, line: PrintLine, reason: string, voidedBy: string, at: string, locale: Locale): PrintDocument {
  return {
    title: zone,
    banners: [TEXT.voided],
    meta: [...meta(order, order.waiter, at, locale), TEXT.voidedBy(voidedBy)],
    body: [itemLine(line), ...details(line), { type: 'text', text: TEXT.reason(reason), bold: true }],
  };
}

export type Restaurant = { name: string; address?: string | undefined; vatNumber?: string | undefined };

export function bill(restaurant: Restaurant, order: PrintOrder, lines: BillLine[], at: string, locale: Locale): PrintDocument {
  const counted = lines.filter((line) => line.status !== 'void');
  const total = counted.reduce((sum, line) => sum + line.line_total_cents, 0);
  const paid = counted.filter((line) => line.status === 'paid').reduce((sum, line) => sum + line.line_total_cents, 0);
  const byRate = new Map<number, number>();
  for (const line of counted) byRate.set(line.vat_rate_bp, (byRate.get(line.vat_rate_bp) ?? 0) + line.line_total_cents);
  const amount = (cents: number) => money(cents, locale.currency);
  const pair = (left: string, cents: number, style: { bold?: boolean; size?: 'tall' } = {}): Block => ({ type: 'pair', left, right: amount(cents), ...style });
  return {
    title: restaurant.name,
    banners: [TEXT.bill],
    meta: [
      ...meta(order, order.waiter, at, locale),
      ...(restaurant.address ? [restaurant.address] : []),
      ...(restaurant.vatNumber ? [TEXT.vatNumber(restaurant.vatNumber)] : []),
    ],
    body: [
      ...counted.flatMap((line) => [
        pair(`${line.quantity} x ${line.name}`, line.line_total_cents),
        ...details(line),
        ...(line.status === 'paid' ? [{ type: 'text' as const, text: TEXT.paidMark, margin: 4 }] : []),
      ]),
      { type: 'rule' },
      pair(TEXT.total, total, { bold: true, size: 'tall' }),
      pair(TEXT.paid, paid),
      pair(TEXT.unpaid, total - paid, { bold: true }),
      ...[...byRate].sort(([a], [b]) => a - b).map(([rate, gross]) => pair(TEXT.vat(String(rate / 100)), vatIncluded(gross, rate))),
      { type: 'text', text: TEXT.thanks, align: 'center' },
    ],
  };
}

export type TestPrinter = { name: string; ip_address: string; port: number; code_page: number; encoding: string; columns: number };

export function testPage(printer: TestPrinter, at: string, locale: Locale): PrintDocument {
  return {
    title: printer.name,
    banners: [TEXT.testPage],
    meta: [
      localDateTime(at, locale.timeZone),
      TEXT.address(printer.ip_address, printer.port),
      TEXT.settings(printer.code_page, printer.encoding, printer.columns),
    ],
    body: [...TEXT.alphabet.map((text): Block => ({ type: 'text', text })), { type: 'text', text: TEXT.ruler }],
  };
}
