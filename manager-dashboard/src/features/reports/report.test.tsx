import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { athensFormat, renderWithData } from '../../test/render';
import { headline, hourlySales, nextDay, rangeQuery, reportCsv, type ShiftReport } from './report';
import { ReportView } from './ReportView';

const report: ShiftReport = {
  from: '2026-06-14T02:00:00.000Z',
  to: '2026-06-15T02:00:00.000Z',
  currency: 'EUR',
  totals: { gross_cents: 4600, tips_cents: 300, by_method: { cash: 1100, card: 3500, other: 0 } },
  vat: [
    { rate_bp: 1300, gross_cents: 3250, vat_cents: 374 },
    { rate_bp: 2400, gross_cents: 1350, vat_cents: 261 },
  ],
  by_waiter: [
    { user_id: 3, full_name: 'Ελένη Κωνσταντίνου', payments: 1, gross_cents: 900, tips_cents: 100, by_method: { cash: 900, card: 0, other: 0 } },
    { user_id: 2, full_name: 'Νίκος Γεωργίου', payments: 2, gross_cents: 3700, tips_cents: 200, by_method: { cash: 200, card: 3500, other: 0 } },
  ],
  by_hour: [
    { hour: '2026-06-14T17:00:00.000Z', payments: 1, gross_cents: 900, tips_cents: 100 },
    { hour: '2026-06-14T19:00:00.000Z', payments: 2, gross_cents: 3700, tips_cents: 200 },
  ],
  by_product: [{ product_id: 1, name: 'Μουσακάς', quantity: 2, revenue_cents: 2600 }],
  voids: [
    {
      kind: 'void',
      order_id: 'o1',
      table_label: '4',
      item_name: 'Σαγανάκι',
      quantity: 1,
      amount_cents: 700,
      reason: 'Λάθος, "είπε" ο πελάτης',
      by: { id: 1, full_name: 'Μαρία' },
      at: '2026-06-14T18:30:00.000Z',
    },
  ],
  open_orders: [{ id: 'o2', table_id: 5, table_label: 'B2', opened_at: '2026-06-14T19:10:00.000Z', total_cents: 1200, unpaid_cents: 1200, waiters: ['Νίκος'] }],
};

describe('the shift report’s figures', () => {
  it('adds up to what the appliance reported: methods to sales, VAT to the rates, takings with tips', () => {
    const figures = headline(report);
    expect(figures.byMethod.reduce((sum, row) => sum + row.cents, 0)).toBe(figures.gross);
    expect(figures).toMatchObject({ gross: 4600, tips: 300, takings: 4900, vat: 635, net: 3965, voids: 700, unpaid: 1200 });
  });

  it('labels each hour in the restaurant’s time and scales the bars to the busiest hour', () => {
    const format = athensFormat();
    expect(hourlySales(report, format.time)).toEqual([
      { label: '20:00', cents: 900, share: 900 / 3700 },
      { label: '22:00', cents: 3700, share: 1 },
    ]);
  });

  it('opens on the business day that is running: after midnight, before the day starts at 05:00, it is still yesterday’s', () => {
    const format = athensFormat();
    expect(format.businessDay(new Date('2026-12-04T21:59:00Z'))).toBe('2026-12-04'); // 23:59 in Athens
    expect(format.businessDay(new Date('2026-12-04T22:30:00Z'))).toBe('2026-12-04'); // 00:30 on the 5th
    expect(format.businessDay(new Date('2026-12-05T02:59:00Z'))).toBe('2026-12-04'); // 04:59
    expect(format.businessDay(new Date('2026-12-05T03:00:00Z'))).toBe('2026-12-05'); // 05:00: a new day
  });

  it('starts the business day at 05:00 on the restaurant’s clock, also on the night the clocks go forward', () => {
    const format = athensFormat();
    expect(format.businessDay(new Date('2027-03-28T01:30:00Z'))).toBe('2027-03-27'); // 04:30, summer time since 04:00
    expect(format.businessDay(new Date('2027-03-28T02:30:00Z'))).toBe('2027-03-28'); // 05:30: a new day
  });

  it('asks for whole business days, the last one included', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(rangeQuery('2026-06-14', '2026-06-14')).toEqual({ from: '2026-06-14', to: '2026-06-15' });
    expect(rangeQuery('2026-06-14', '2026-06-01')).toEqual({ from: '2026-06-14', to: '2026-06-15' });
  });

  it('exports CSV a spreadsheet reads: amounts with a dot, quotes doubled, every section', () => {
    const csv = reportCsv(report, { section: (name) => name, method: (method) => method, kind: (kind) => kind });
    const lines = csv.split('\r\n');
    expect(lines).toContain('gross,46.00');
    expect(lines).toContain('card,35.00');
    expect(lines).toContain('13%,32.50,3.74');
    expect(lines).toContain('Νίκος Γεωργίου,2,37.00,2.00,2.00,35.00,0.00');
    expect(lines).toContain('void,4,Σαγανάκι,7.00,"Λάθος, ""είπε"" ο πελάτης",Μαρία,2026-06-14T18:30:00.000Z');
  });
});

describe('the report on screen', () => {
  it('shows the sales, each method, the tips and each waiter’s hand-in in euros, Greek style', () => {
    renderWithData(<ReportView report={report} format={athensFormat()} />);
    // Intl puts a no-break space before the euro sign.
    const text = (element: HTMLElement) => element.textContent?.replace(/\s/gu, ' ');
    expect(text(screen.getByTestId('report-gross'))).toBe('46,00 €');
    expect(text(screen.getByTestId('report-card'))).toBe('35,00 €');
    expect(text(screen.getByTestId('report-tips'))).toBe('3,00 €');
    const nikos = screen.getByRole('row', { name: /Νίκος Γεωργίου/ });
    expect(within(nikos).getAllByRole('cell').map(text)).toEqual(['Νίκος Γεωργίου', '2,00 €', '35,00 €', '2,00 €', '39,00 €']);
    expect(screen.getByRole('listitem', { name: /^22:00: 37,00\s€$/u })).toBeTruthy();
  });
});
