import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';
import { emulatedPrinters, eventually } from '../test/printers.js';

describe('the shift report', () => {
  const app = withAppliance();
  let f: ReturnType<typeof factories>;
  let maria: string;
  let nikos: string;
  let eleni: string;
  const ids = { maria: 0, nikos: 0, eleni: 0 };
  const orders = { partlyPaid: '', stillOpen: '', voided: '', cancelled: '', writtenOff: '' };
  const report = (query = '', token = maria) => app.call('GET', `/api/reports/shift${query}`, { token });

  /** Each order's table, by the name the tests give the order. */
  const tableOf: Record<string, string> = {};

  async function orderWith(token: string, name: string, items: Array<[string, number]>) {
    const order = await f.openOrder(token);
    tableOf[name] = order.table.label;
    const lines = [];
    for (const [name, quantity] of items) lines.push(f.line((await f.productNamed(name)).id, { quantity }));
    expect((await f.addLines(token, order.id, lines)).status).toBe(201);
    return { id: order.id, lines: lines.map((line) => line.id) };
  }
  async function pay(token: string, orderId: string, items: Array<{ item_id: string; quantity?: number }>, method: string, tip_cents = 0) {
    const response = await app.call('POST', `/api/orders/${orderId}/pay`, { token, body: { items, method, tip_cents } });
    expect(response.status).toBe(201);
  }

  beforeAll(async () => {
    f = factories(app);
    [maria, nikos, eleni] = await Promise.all([app.login('maria'), app.login('nikos'), app.login('eleni')]);
    for (const [name, token] of [
      ['maria', maria],
      ['nikos', nikos],
      ['eleni', eleni],
    ] as const) {
      ids[name] = (await app.call('GET', '/api/auth/me', { token })).body.id;
    }

    const one = await orderWith(nikos, '1', [
      ['Μουσακάς', 2],
      ['Ούζο Πλωμαρίου 200ml', 1],
      ['Νερό 1L', 3],
    ]);
    await pay(nikos, one.id, [{ item_id: one.lines[0]! }, { item_id: one.lines[1]! }], 'card', 200);
    await pay(nikos, one.id, [{ item_id: one.lines[2]!, quantity: 2 }], 'cash');
    orders.partlyPaid = one.id;

    const two = await orderWith(eleni, '2', [
      ['Τζατζίκι', 1],
      ['Σαγανάκι', 1],
      ['Μπίρα Άλφα 500ml', 1],
    ]);
    const voided = await app.call('DELETE', `/api/orders/${two.id}/items/${two.lines[1]}`, { token: maria, body: { reason: 'Λάθος παραγγελία' } });
    expect(voided.status).toBe(200);
    await pay(eleni, two.id, [{ item_id: two.lines[0]! }, { item_id: two.lines[2]! }], 'cash', 100);
    expect((await app.call('POST', `/api/orders/${two.id}/close`, { token: eleni })).status).toBe(200);
    orders.voided = two.id;

    const three = await orderWith(nikos, '3', [['Κλέφτικο', 1]]);
    expect((await app.call('DELETE', `/api/orders/${three.id}`, { token: maria, body: { reason: 'Έφυγαν οι πελάτες' } })).status).toBe(200);
    orders.cancelled = three.id;

    const five = await orderWith(nikos, '5', [['Ντάκος', 1]]);
    expect((await app.call('POST', `/api/orders/${five.id}/close`, { token: maria, body: { reason: 'Κερασμένο από το κατάστημα' } })).status).toBe(200);
    orders.writtenOff = five.id;

    const four = await orderWith(nikos, '4', [['Γαλακτομπούρεκο', 2]]);
    expect((await app.call('POST', `/api/orders/${four.id}/waiters`, { token: nikos, body: { user_id: ids.eleni } })).status).toBe(200);
    orders.stillOpen = four.id;
  });

  it('totals what was paid today by method, with tips apart', async () => {
    const response = await report();
    expect(response.status).toBe(200);
    expect(response.body.currency).toBe('EUR');
    expect(response.body.totals).toEqual({ gross_cents: 4600, tips_cents: 300, by_method: { cash: 1100, card: 3500, other: 0 } });
  });

  it('splits the VAT included between 13 % food and the 24 % alcohol override', async () => {
    const { vat } = (await report()).body;
    expect(vat).toEqual([
      { rate_bp: 1300, gross_cents: 2600 + 200 + 450, vat_cents: 374 },
      { rate_bp: 2400, gross_cents: 900 + 450, vat_cents: 261 },
    ]);
  });

  it('tells each waiter what to hand in: the payments they took', async () => {
    const { by_waiter } = (await report()).body;
    expect(by_waiter).toEqual([
      { user_id: ids.eleni, full_name: 'Ελένη Κωνσταντίνου', payments: 1, gross_cents: 900, tips_cents: 100, by_method: { cash: 900, card: 0, other: 0 } },
      { user_id: ids.nikos, full_name: 'Νίκος Γεωργίου', payments: 2, gross_cents: 3700, tips_cents: 200, by_method: { cash: 200, card: 3500, other: 0 } },
    ]);
  });

  it('ranks products by quantity sold, then revenue, counting only paid quantities', async () => {
    const { by_product } = (await report()).body;
    const rows = by_product.map((p: { name: string; quantity: number; revenue_cents: number }) => [p.name, p.quantity, p.revenue_cents]);
    expect(rows).toEqual([
      ['Μουσακάς', 2, 2600],
      ['Νερό 1L', 2, 200],
      ['Ούζο Πλωμαρίου 200ml', 1, 900],
      ['Μπίρα Άλφα 500ml', 1, 450],
      ['Τζατζίκι', 1, 450],
    ]);
    expect(by_product[0].product_id).toBe((await f.productNamed('Μουσακάς')).id);
  });

  it('lists the void, the cancellation and the unpaid close with their reasons and who did them', async () => {
    const { voids } = (await report()).body;
    const by = { id: ids.maria, full_name: 'Μαρία Παπαδοπούλου' };
    expect(voids).toEqual([
      {
        kind: 'void',
        order_id: orders.voided,
        table_label: tableOf['2'],
        item_name: 'Σαγανάκι',
        quantity: 1,
        amount_cents: 700,
        reason: 'Λάθος παραγγελία',
        by,
        at: expect.any(String),
      },
      {
        kind: 'cancellation',
        order_id: orders.cancelled,
        table_label: tableOf['3'],
        item_name: null,
        quantity: null,
        amount_cents: 1650,
        reason: 'Έφυγαν οι πελάτες',
        by,
        at: expect.any(String),
      },
      {
        kind: 'write_off',
        order_id: orders.writtenOff,
        table_label: tableOf['5'],
        item_name: null,
        quantity: null,
        amount_cents: 850,
        reason: 'Κερασμένο από το κατάστημα',
        by,
        at: expect.any(String),
      },
    ]);
  });

  it('shows the tables still open with what they still owe and their waiters', async () => {
    const { open_orders } = (await report()).body;
    expect(open_orders).toEqual([
      {
        id: orders.partlyPaid,
        table_id: expect.any(Number),
        table_label: tableOf['1'],
        opened_at: expect.any(String),
        total_cents: 3800,
        unpaid_cents: 100,
        waiters: ['Νίκος Γεωργίου'],
      },
      {
        id: orders.stillOpen,
        table_id: expect.any(Number),
        table_label: tableOf['4'],
        opened_at: expect.any(String),
        total_cents: 1100,
        unpaid_cents: 1100,
        waiters: ['Νίκος Γεωργίου', 'Ελένη Κωνσταντίνου'],
      },
    ]);
  });

  it('covers the current business day by default and takes explicit timestamps', async () => {
    const { from, to } = (await report()).body;
    const now = new Date().toISOString();
    expect(from <= now && now < to).toBe(true);
    const hour = 3_600_000;
    const around = `?from=${new Date(Date.now() - hour).toISOString()}&to=${new Date(Date.now() + hour).toISOString()}`;
    expect((await report(around)).body.totals.gross_cents).toBe(4600);
  });

  it('reads a date as the start of that business day, in the restaurant time zone', async () => {
    const response = await report('?from=2020-06-14');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      from: '2020-06-14T02:00:00.000Z',
      to: '2020-06-15T02:00:00.000Z',
      vat: [],
      by_waiter: [],
      by_product: [],
      voids: [],
    });
    expect(response.body.totals).toEqual({ gross_cents: 0, tips_cents: 0, by_method: { cash: 0, card: 0, other: 0 } });
    expect(response.body.open_orders).toHaveLength(2);
    expect((await report('?to=2020-06-15')).body.from).toBe('2020-06-14T02:00:00.000Z');
  });

  it('answers 400 for a date it cannot read or a range that ends before it starts', async () => {
    for (const query of ['?from=2020-13-45', '?to=yesterday', '?from=2020-06-15&to=2020-06-14']) {
      const response = await report(query);
      expect(response.status).toBe(400);
      expect(['invalid_date', 'invalid_range']).toContain(response.body.error.code);
    }
  });

  it('adds up each hour’s payments for the sales chart, hours in order, summing to the day’s totals', async () => {
    const { by_hour, totals } = (await report()).body as {
      by_hour: Array<{ hour: string; payments: number; gross_cents: number; tips_cents: number }>;
      totals: { gross_cents: number; tips_cents: number };
    };
    expect(by_hour.length).toBeGreaterThan(0);
    for (const row of by_hour) expect(row.hour).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/);
    expect(by_hour.map((row) => row.hour)).toEqual([...new Set(by_hour.map((row) => row.hour))].sort());
    expect(by_hour.reduce((sum, row) => sum + row.gross_cents, 0)).toBe(totals.gross_cents);
    expect(by_hour.reduce((sum, row) => sum + row.tips_cents, 0)).toBe(totals.tips_cents);
    expect(by_hour.reduce((sum, row) => sum + row.payments, 0)).toBe(3);
  });

  it('prints the end-of-day (Z) summary in Greek on the bill printer, with the day’s totals and each waiter’s hand-in', async () => {
    const printers = await emulatedPrinters(app);
    try {
      const response = await app.call('POST', '/api/reports/shift/print', { token: maria });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ kind: 'report', printer_id: printers.barId, order_id: null });
      // The bar also prints the day's tickets that waited for it; the summary is the one with its title.
      const summary = await eventually(async () => printers.bar.tickets.find((ticket) => ticket.text.includes('ΣΥΝΟΨΗ ΗΜΕΡΑΣ (Z)')));
      // CP737 has no euro sign: the printer gets EUR.
      expect(summary.text).toMatch(/ΠΩΛΗΣΕΙΣ +46,00 EUR/);
      expect(summary.text).toMatch(/Κάρτα +35,00 EUR/);
      expect(summary.text).toMatch(/Φιλοδωρήματα +3,00 EUR/);
      expect(summary.text).toMatch(/Νίκος Γεωργίου +39,00 EUR/);
      expect(summary.text).toMatch(/Ανοιχτές παραγγελίες \(2\)/);
      expect(printers.kitchen.tickets.some((ticket) => ticket.text.includes('ΣΥΝΟΨΗ'))).toBe(false);
    } finally {
      await printers.stop();
    }
  });

  it('prints the summary of the range it is given, and refuses a bad range before printing anything', async () => {
    expect((await app.call('POST', '/api/reports/shift/print?from=2020-13-45', { token: maria })).status).toBe(400);
    expect((await app.call('POST', '/api/reports/shift/print', { token: nikos })).status).toBe(403);
  });

  it('is for managers only: a waiter gets 403', async () => {
    const response = await report('', nikos);
    expect(response.status).toBe(403);
  });
});
