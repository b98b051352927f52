import type { Block, PrintDocument } from '../printing/document.js';
import { money, type Locale, type Restaurant } from '../printing/tickets.js';
import { localDateTime } from '../shared/time.js';
import type { ShiftReport } from './reports.schema.js';

/** The end-of-day summary's words: it prints in Greek, like every slip. */
const Z = {
  title: 'ΣΥΝΟΨΗ ΗΜΕΡΑΣ (Z)',
  from: (at: string) => `Από:   ${at}`,
  to: (at: string) => `Έως:   ${at}`,
  printed: (at: string) => `Εκτύπωση: ${at}`,
  sales: 'ΠΩΛΗΣΕΙΣ',
  methods: { cash: 'Μετρητά', card: 'Κάρτα', other: 'Άλλο' },
  tips: 'Φιλοδωρήματα',
  vat: (percent: string) => `ΦΠΑ ${percent}% σε`,
  vatIncluded: 'Περιλ. ΦΠΑ',
  byWaiter: 'ΑΝΑ ΣΕΡΒΙΤΟΡΟ',
  voids: (count: number) => `Ακυρώσεις (${count})`,
  openOrders: (count: number) => `Ανοιχτές παραγγελίες (${count})`,
  vatNumber: (number: string) => `ΑΦΜ ${number}`,
} as const;

/** Totals by method, tips, VAT per rate, each waiter's hand-in, voids and what is still open. */
export function zSummary(restaurant: Restaurant, report: ShiftReport, at: string, locale: Locale): PrintDocument {
  const amount = (cents: number) => money(cents, locale.currency);
  const pair = (left: string, cents: number, bold = false): Block => ({ type: 'pair', left, right: amount(cents), bold });
  const heading = (text: string): Block => ({ type: 'text', text, bold: true });
  const when = (iso: string) => localDateTime(iso, locale.timeZone);
  const { totals } = report;
  return {
    title: restaurant.name,
    banners: [Z.title],
    meta: [
      Z.from(when(report.from)),
      Z.to(when(report.to)),
      Z.printed(when(at)),
      ...(restaurant.address ? [restaurant.address] : []),
      ...(restaurant.vatNumber ? [Z.vatNumber(restaurant.vatNumber)] : []),
    ],
    body: [
      pair(Z.sales, totals.gross_cents, true),
      ...(['cash', 'card', 'other'] as const).map((method) => pair(`  ${Z.methods[method]}`, totals.by_method[method])),
      pair(Z.tips, totals.tips_cents),
      { type: 'rule' },
      ...report.vat.flatMap((rate) => [pair(Z.vat(String(rate.rate_bp / 100)), rate.gross_cents), pair(`  ${Z.vatIncluded}`, rate.vat_cents)]),
      { type: 'rule' },
      heading(Z.byWaiter),
      ...report.by_waiter.map((waiter) => pair(waiter.full_name, waiter.gross_cents + waiter.tips_cents)),
      { type: 'rule' },
      pair(
        Z.voids(report.voids.length),
        report.voids.reduce((sum, entry) => sum + entry.amount_cents, 0),
      ),
      pair(
        Z.openOrders(report.open_orders.length),
        report.open_orders.reduce((sum, order) => sum + order.unpaid_cents, 0),
      ),
    ],
  };
}
