import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';
import { emulatedPrinters, eventually, FAST_PRINTING, type TestPrinters } from '../test/printers.js';

describe('what the kitchen and the bar get on paper', () => {
  const app = withAppliance({ env: FAST_PRINTING });
  let f: ReturnType<typeof factories>;
  let nikos: string;
  let maria: string;
  let printers: TestPrinters;
  beforeAll(async () => {
    f = factories(app);
    nikos = await app.login('nikos');
    maria = await app.login('maria');
  });
  beforeEach(async () => {
    printers = await emulatedPrinters(app);
  });
  afterEach(() => printers.stop());

  const orderOf = async (orderId: string) => (await app.call('GET', `/api/orders/${orderId}`, { token: nikos })).body;

  it('prints Greek menu names byte for byte, one ticket per zone, double height, with table, waiter and job number', async () => {
    const names = ['Ταραμοσαλάτα', 'Φάβα Σαντορίνης', 'Χταπόδι στα κάρβουνα', 'Γαλακτομπούρεκο'];
    const order = await f.openOrder(nikos);
    const lines = await Promise.all(names.map(async (name) => f.line((await f.productNamed(name)).id)));
    const ouzo = f.line((await f.productNamed('Ούζο Πλωμαρίου 200ml')).id, { quantity: 2 });
    expect((await f.addLines(nikos, order.id, [...lines, ouzo])).status).toBe(201);
    const [kitchen] = await printers.kitchen.waitForTickets(1);
    const [bar] = await printers.bar.waitForTickets(1);
    for (const name of names) expect(kitchen!.lines).toContainEqual(expect.objectContaining({ text: `1 x ${name}`, height: 2, bold: true }));
    expect(bar!.lines).toContainEqual(expect.objectContaining({ text: '2 x Ούζο Πλωμαρίου 200ml', height: 2 }));
    expect(kitchen!.text).not.toContain('Ούζο');
    expect(kitchen!.lines[0]).toMatchObject({ text: 'Κουζίνα', width: 2, height: 2, align: 'center' });
    expect(kitchen!.text).toMatch(new RegExp(`^Τραπέζι ${order.table.label} +#\\d+$`, 'm'));
    expect(kitchen!.text).toContain(`Παρ. ${order.id.slice(0, 6).toUpperCase()} · Νίκος Γεωργίου`);
    expect(kitchen!.jobNumber).not.toBe(bar!.jobNumber);
  });

  it('sends ESC t with the code page configured for the printer', async () => {
    await app.call('PUT', `/api/printers/${printers.kitchenId}`, { token: maria, body: { code_page: 14 } });
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Τζατζίκι')).id)]);
    const [ticket] = await printers.kitchen.waitForTickets(1);
    expect(ticket!.codePages).toEqual([14]);
    expect([...ticket!.bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 14]);
    await app.call('PUT', `/api/printers/${printers.kitchenId}`, { token: maria, body: { code_page: 29 } });
  });

  it('prints options, preferences, removed ingredients as "ΧΩΡΙΣ …" and the note under the dish', async () => {
    const souvlaki = await f.productNamed('Σουβλάκι χοιρινό');
    const onion = souvlaki.ingredients.find((i: { name: string }) => i.name === 'κρεμμύδι');
    const greens = souvlaki.preference_sets[0].choices.find((c: { name: string }) => c.name === 'χόρτα');
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [
      f.line(souvlaki.id, { quantity: 2, removed_ingredient_ids: [onion.id], preference_choice_ids: [greens.id], note: 'καλοψημένο' }),
    ]);
    const [ticket] = await printers.kitchen.waitForTickets(1);
    const texts = ticket!.lines.map((line) => line.text.trim());
    const at = texts.indexOf('2 x Σουβλάκι χοιρινό');
    expect(texts.slice(at, at + 4)).toEqual(['2 x Σουβλάκι χοιρινό', 'Συνοδευτικό: χόρτα', 'ΧΩΡΙΣ κρεμμύδι', 'Σημ.: καλοψημένο']);
  });

  it('transliterates what code page 737 lacks instead of printing "?"', async () => {
    const special = await f.productNamed('Σπέσιαλ ΐ ΰ € (δοκιμή κωδικοσελίδας)');
    await app.call('PUT', `/api/products/${special.id}`, { token: maria, body: { is_available: true } });
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [f.line(special.id, { note: '«χωρίς πάγο» – ευχαριστώ' })]);
    const [ticket] = await printers.bar.waitForTickets(1);
    expect(ticket!.text).toContain('1 x Σπέσιαλ ϊ ϋ EUR (δοκιμή κωδικοσελίδας)');
    expect(ticket!.text).toContain('Σημ.: "χωρίς πάγο" - ευχαριστώ');
    expect(ticket!.bytes.includes(0x3f)).toBe(false);
  });

  it('says on the line when it is not printed, and moves printed lines from pending to sent', async () => {
    const order = await f.openOrder(nikos);
    const water = f.line((await f.productNamed('Νερό 1L')).id);
    const beer = f.line((await f.productNamed('Μπίρα Άλφα 500ml')).id);
    const added = await f.addLines(nikos, order.id, [water, beer]);
    expect(added.body.items).toMatchObject([
      { id: water.id, status: 'sent', print_status: 'not_printed', printer_id: null },
      { id: beer.id, status: 'pending', print_status: 'queued', printer_id: printers.barId },
    ]);
    const [ticket] = await printers.bar.waitForTickets(1);
    expect(ticket!.text).not.toContain('Νερό');
    const items = await eventually(async () => {
      const current = (await orderOf(order.id)).items;
      return current[1].status === 'sent' && current;
    });
    expect(items[1]).toMatchObject({ status: 'sent', print_status: 'printed' });
  });

  it('prints a line sent twice (a double tap) once', async () => {
    const order = await f.openOrder(nikos);
    const line = f.line((await f.productNamed('Μουσακάς')).id);
    const results = await Promise.all([f.addLines(nikos, order.id, [line]), f.addLines(nikos, order.id, [line])]);
    expect(results.every((r) => r.status < 500)).toBe(true);
    await f.addLines(nikos, order.id, [line]);
    await printers.kitchen.waitForTickets(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(printers.kitchen.tickets.filter((t) => t.text.includes('Μουσακάς'))).toHaveLength(1);
  });

  it('follows a void with a slip to the same printer naming table, item, quantity and reason', async () => {
    const order = await f.openOrder(nikos);
    const steak = await f.productNamed('Μπριζόλα μοσχαρίσια');
    const line = f.line(steak.id, { quantity: 2, note: 'χωρίς αλάτι', preference_choice_ids: [steak.preference_sets[0].choices[0].id] });
    await f.addLines(nikos, order.id, [line]);
    await printers.kitchen.waitForTickets(1);
    const voided = await app.call('DELETE', `/api/orders/${order.id}/items/${line.id}`, { token: maria, body: { reason: 'ο πελάτης άλλαξε γνώμη' } });
    expect(voided.status).toBe(200);
    const [, slip] = await printers.kitchen.waitForTickets(2);
    expect(slip!.text).toContain('*** ΑΚΥΡΩΣΗ ***');
    expect(slip!.text).toMatch(new RegExp(`^Τραπέζι ${order.table.label} +#\\d+$`, 'm'));
    expect(slip!.text).toContain('2 x Μπριζόλα μοσχαρίσια');
    expect(slip!.text).toContain('Σημ.: χωρίς αλάτι');
    expect(slip!.text).toContain('Αιτία: ο πελάτης άλλαξε γνώμη');
  });

  it('reprints marked as a copy, for the order’s waiter but not another waiter', async () => {
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Τζατζίκι')).id)]);
    await printers.kitchen.waitForTickets(1);
    const eleni = await app.login('eleni');
    expect((await app.call('POST', `/api/orders/${order.id}/reprint`, { token: eleni, body: {} })).status).toBe(403);
    const reprint = await app.call('POST', `/api/orders/${order.id}/reprint`, { token: nikos, body: {} });
    expect(reprint.status).toBe(202);
    expect(reprint.body.jobs).toHaveLength(1);
    const [original, copy] = await printers.kitchen.waitForTickets(2);
    expect(copy!.text).toContain('*** ΑΝΤΙΓΡΑΦΟ ***');
    expect(original!.text).not.toContain('ΑΝΤΙΓΡΑΦΟ');
    expect(copy!.text).toContain('1 x Τζατζίκι');
  });

  it('prints the bill on the bill printer with the restaurant name, prices, paid and unpaid, and the total', async () => {
    const order = await f.openOrder(nikos);
    const beer = f.line((await f.productNamed('Μπίρα Άλφα 500ml')).id, { quantity: 2 });
    const salad = f.line((await f.productNamed('Ντάκος')).id);
    await f.addLines(nikos, order.id, [beer, salad]);
    await app.call('POST', `/api/orders/${order.id}/pay`, { token: nikos, body: { items: [{ item_id: salad.id }], method: 'cash' } });
    const bill = await app.call('POST', `/api/orders/${order.id}/bill`, { token: nikos });
    expect(bill.status).toBe(202);
    expect(bill.body.jobs[0]).toMatchObject({ kind: 'bill', printer_id: printers.barId });
    const tickets = await printers.bar.waitForTickets(2);
    const paper = tickets.find((t) => t.text.includes('ΛΟΓΑΡΙΑΣΜΟΣ'))!;
    expect(paper.text).toContain('Ταβέρνα "Το Τάβλι"');
    expect(paper.text).toMatch(/2 x Μπίρα Άλφα 500ml +9,00 EUR/);
    expect(paper.text).toMatch(/ΠΛΗΡΩΘΗΚΑΝ +\d+,\d\d EUR/);
    const total = (await orderOf(order.id)).total_cents / 100;
    expect(paper.text).toMatch(new RegExp(`ΣΥΝΟΛΟ +${total.toFixed(2).replace('.', ',')} EUR`));
    expect(paper.text).toMatch(/ΥΠΟΛΟΙΠΟ +9,00 EUR/);
    expect((await app.call('GET', `/api/printers/jobs?printer_id=${printers.barId}&status=printed`, { token: maria })).body[0]).toMatchObject({
      kind: 'bill',
      preview_text: expect.stringContaining('ΛΟΓΑΡΙΑΣΜΟΣ'),
    });
  });
});
