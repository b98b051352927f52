import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

describe('taking a table’s order', () => {
  const app = withAppliance();
  let f: ReturnType<typeof factories>;
  let nikos: string;
  let eleni: string;
  beforeAll(async () => {
    f = factories(app);
    nikos = await app.login('nikos');
    eleni = await app.login('eleni');
  });

  it('opens a table for the waiter and shows it open on every tables list', async () => {
    const order = await f.openOrder(nikos);
    const tables = await app.call('GET', '/api/tables/', { token: eleni });
    const table = tables.body.find((t: { id: number }) => t.id === order.table.id);
    expect(table).toMatchObject({ state: 'open', order_id: order.id, item_count: 0, total_cents: 0, unpaid_cents: 0 });
    expect(table.waiters.map((w: { full_name: string }) => w.full_name)).toEqual(['Νίκος Γεωργίου']);
  });

  it('gives a second waiter opening the same table a 409 naming the existing order', async () => {
    const order = await f.openOrder(nikos);
    const table = order.table;
    const second = await app.call('POST', '/api/orders', { token: eleni, body: { table_id: table.id } });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'table_occupied', details: { order_id: order.id } });
  });

  it('answers a repeated open with the same order id with the same order, never a second one', async () => {
    const id = crypto.randomUUID();
    const table = await f.table();
    const first = await f.openOrder(nikos, { table, id });
    const again = await f.openOrder(nikos, { table, id });
    expect(again.id).toBe(first.id);
    const mine = await app.call('GET', '/api/orders/my', { token: nikos });
    expect(mine.body.filter((o: { id: string }) => o.id === id)).toHaveLength(1);
  });

  it('lets exactly one of two waiters racing for the same free table open it', async () => {
    const table = await f.table();
    const results = await Promise.all([
      app.call('POST', '/api/orders', { token: nikos, body: { table_id: table.id } }),
      app.call('POST', '/api/orders', { token: eleni, body: { table_id: table.id } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('prices a line from base, options and preference deltas and snapshots the choices', async () => {
    const order = await f.openOrder(nikos);
    const souvlaki = await f.product({
      name: 'Σουβλάκι χοιρινό',
      price_cents: 1100,
      ingredients: [{ name: 'ντομάτα' }, { name: 'κρεμμύδι' }],
      preference_sets: [{ name: 'Συνοδευτικό', is_required: false, choices: [{ name: 'πατάτες' }, { name: 'χόρτα', price_delta_cents: 100 }] }],
    });
    const onion = souvlaki.ingredients.find((i: { name: string }) => i.name === 'κρεμμύδι');
    const greens = souvlaki.preference_sets[0].choices.find((c: { name: string }) => c.name === 'χόρτα');
    const line = f.line(souvlaki.id, { quantity: 2, removed_ingredient_ids: [onion.id], preference_choice_ids: [greens.id], note: 'καλοψημένο' });
    const response = await f.addLines(nikos, order.id, [line]);
    expect(response.status).toBe(201);
    expect(response.body.items[0]).toMatchObject({
      id: line.id,
      name: 'Σουβλάκι χοιρινό',
      quantity: 2,
      unit_price_cents: 1200,
      line_total_cents: 2400,
      vat_rate_bp: 1300,
      removed_ingredients: [{ id: onion.id, name: 'κρεμμύδι' }],
      preferences: [{ id: greens.id, name: 'χόρτα', set_name: 'Συνοδευτικό', price_delta_cents: 100 }],
      note: 'καλοψημένο',
      status: 'pending',
      print_status: 'queued',
    });
    expect(response.body).toMatchObject({ total_cents: 2400, unpaid_cents: 2400, paid_cents: 0 });
  });

  it('keeps the ordered price when the menu price changes later', async () => {
    const order = await f.openOrder(nikos);
    const tzatziki = await f.product({ name: 'Τζατζίκι', price_cents: 450 });
    await f.addLines(nikos, order.id, [f.line(tzatziki.id)]);
    const maria = await app.login('maria');
    expect((await app.call('PUT', `/api/products/${tzatziki.id}`, { token: maria, body: { price_cents: 999 } })).status).toBe(200);
    const after = await app.call('GET', `/api/orders/${order.id}`, { token: nikos });
    expect(after.body.items[0]).toMatchObject({ name: 'Τζατζίκι', unit_price_cents: 450 });
  });

  it('rejects a whole request when one line has a choice foreign to its product, storing nothing', async () => {
    const order = await f.openOrder(nikos);
    const fava = await f.product();
    const souvlaki = await f.product({ ingredients: [{ name: 'κρεμμύδι' }] });
    const response = await f.addLines(nikos, order.id, [f.line(fava.id), f.line(fava.id, { option_ids: [souvlaki.ingredients[0].id + 100000] })]);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_choice');
    expect((await app.call('GET', `/api/orders/${order.id}`, { token: nikos })).body.items).toEqual([]);
  });

  it('insists on a required preference (how the steak is done) and on only one choice per set', async () => {
    const order = await f.openOrder(nikos);
    const steak = await f.product({ preference_sets: [{ name: 'Ψήσιμο', is_required: true, choices: [{ name: 'μέτριο' }, { name: 'καλοψημένο' }] }] });
    const [medium, wellDone] = steak.preference_sets[0].choices;
    expect((await f.addLines(nikos, order.id, [f.line(steak.id)])).status).toBe(400);
    expect((await f.addLines(nikos, order.id, [f.line(steak.id, { preference_choice_ids: [medium.id, wellDone.id] })])).status).toBe(400);
    expect((await f.addLines(nikos, order.id, [f.line(steak.id, { preference_choice_ids: [medium.id] })])).status).toBe(201);
  });

  it('refuses an unavailable (86) product with a clear 409', async () => {
    const order = await f.openOrder(nikos);
    const special = await f.product({ is_available: false });
    const response = await f.addLines(nikos, order.id, [f.line(special.id)]);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('product_unavailable');
  });
});
