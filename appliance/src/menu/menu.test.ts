import { beforeAll, describe, expect, it } from 'vitest';
import type { DeliveredEvent } from '../events/event-bus.js';
import { withAppliance } from '../test/harness.js';

type Product = {
  id: number;
  name: string;
  category: { id: number; name: string };
  price_cents: number;
  vat_rate_bp: number;
  is_available: boolean;
  stock_remaining: number | null;
  options: Array<{ name: string }>;
  preference_sets: Array<{ name: string; choices: Array<{ name: string; price_delta_cents: number }> }>;
};

describe('the menu waiters order from and managers edit', () => {
  const app = withAppliance();
  let maria: string;
  let nikos: string;
  let mezedes: number;

  const menu = async (token: string, query = '') => (await app.call<Product[]>('GET', `/api/products${query}`, { token })).body;
  const named = async (name: string) => (await menu(maria, '?all=true')).find((p) => p.name === name)!;
  const newProduct = async (body: Record<string, unknown> = {}) => {
    const response = await app.call<Product>('POST', '/api/products', {
      token: maria,
      body: { name: 'Μελιτζανοσαλάτα', category_id: mezedes, price_cents: 550, ...body },
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    [maria, nikos] = [await app.login('maria'), await app.login('nikos')];
    const categories = await app.call<Array<{ id: number; name: string }>>('GET', '/api/products/categories', { token: nikos });
    mezedes = categories.body.find((c) => c.name === 'Ορεκτικά')!.id;
  });

  it('shows waiters the orderable dishes in menu order, with category, VAT and every choice', async () => {
    const products = await menu(nikos);
    expect(products[0]).toMatchObject({ name: 'Τζατζίκι', category: { name: 'Ορεκτικά', color: '#e07a5f' }, price_cents: 450, vat_rate_bp: 1300 });
    expect(products.map((p) => p.name)).not.toContain('Σπέσιαλ ΐ ΰ € (δοκιμή κωδικοσελίδας)');
    const souvlaki = products.find((p) => p.name === 'Σουβλάκι χοιρινό')!;
    expect(souvlaki).toMatchObject({
      vat_rate_override_bp: null,
      stock_remaining: null,
      image_url: null,
      ingredients: [{ name: 'κρεμμύδι' }, { name: 'ντομάτα' }, { name: 'τζατζίκι' }],
      preference_sets: [
        { name: 'Συνοδευτικό', is_required: true, choices: [{ name: 'πατάτες' }, { name: 'ρύζι' }, { name: 'χόρτα', price_delta_cents: 100 }] },
      ],
    });
    expect(products.find((p) => p.name === 'Ούζο Πλωμαρίου 200ml')).toMatchObject({ vat_rate_bp: 2400, vat_rate_override_bp: 2400 });
    expect(products.find((p) => p.name === 'Χταπόδι στα κάρβουνα')?.stock_remaining).toBe(6);
  });

  it('shows unavailable dishes to managers with ?all=true and refuses that list to waiters', async () => {
    expect((await menu(maria, '?all=true')).find((p) => p.name.startsWith('Σπέσιαλ'))?.is_available).toBe(false);
    const waiter = await app.call('GET', '/api/products?all=true', { token: nikos });
    expect(waiter.status).toBe(403);
  });

  it("gives a waiter's phone the 86'd dishes too when it asks, so it can grey them out", async () => {
    const phone = await menu(nikos, '?include_unavailable=true');
    expect(phone.find((p) => p.name.startsWith('Σπέσιαλ'))?.is_available).toBe(false);
    expect((await menu(nikos)).find((p) => p.name.startsWith('Σπέσιαλ'))).toBeUndefined();
  });

  it('lets only managers change the menu', async () => {
    const tzatziki = await named('Τζατζίκι');
    expect((await app.call('POST', '/api/products', { token: nikos, body: { name: 'Κλεμμένο', category_id: mezedes, price_cents: 1 } })).status).toBe(403);
    expect((await app.call('PUT', `/api/products/${tzatziki.id}`, { token: nikos, body: { price_cents: 1 } })).status).toBe(403);
    expect((await app.call('DELETE', `/api/products/${tzatziki.id}`, { token: nikos })).status).toBe(403);
  });

  it('creates a dish with its options, ingredients and preferences, and waiters see it next', async () => {
    const created = await newProduct({
      options: [{ name: 'με σκόρδο', extra_cost_cents: 50 }],
      ingredients: [{ name: 'μαϊντανός' }],
      preference_sets: [{ name: 'Μερίδα', choices: [{ name: 'μικρή' }, { name: 'μεγάλη', price_delta_cents: 300 }] }],
    });
    expect(created).toMatchObject({ name: 'Μελιτζανοσαλάτα', category: { id: mezedes }, vat_rate_bp: 1300, vat_rate_override_bp: null, is_available: true });
    expect(created.options).toEqual([{ id: expect.any(Number), name: 'με σκόρδο', extra_cost_cents: 50 }]);
    expect(created.preference_sets[0]?.choices.map((c) => c.price_delta_cents)).toEqual([0, 300]);
    expect((await menu(nikos)).find((p) => p.id === created.id)).toEqual(created);
  });

  it('keeps omitted fields on a partial update and replaces a list only when one is sent', async () => {
    const dish = await newProduct({ name: 'Ντολμαδάκια', options: [{ name: 'με λεμόνι' }] });
    const repriced = await app.call<Product>('PUT', `/api/products/${dish.id}/`, { token: maria, body: { price_cents: 600, vat_rate_bp: 2400 } });
    expect(repriced.status).toBe(200);
    expect(repriced.body).toMatchObject({ name: 'Ντολμαδάκια', price_cents: 600, vat_rate_bp: 2400, options: [{ name: 'με λεμόνι' }] });
    const relisted = await app.call<Product>('PUT', `/api/products/${dish.id}`, {
      token: maria,
      body: { options: [{ name: 'με γιαούρτι' }], vat_rate_bp: null },
    });
    expect(relisted.body).toMatchObject({ price_cents: 600, vat_rate_bp: 1300, options: [{ name: 'με γιαούρτι' }] });
  });

  it('takes an 86-ed dish off every waiter screen at once, and brings it back', async () => {
    const saganaki = await named('Σαγανάκι');
    const events: DeliveredEvent[] = [];
    const unsubscribe = app.appliance.ctx.events.subscribe((event) => events.push(event));
    const response = await app.call('PUT', `/api/products/${saganaki.id}`, { token: maria, body: { is_available: false } });
    unsubscribe();
    expect(response.status).toBe(200);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'product.updated', data: expect.objectContaining({ id: saganaki.id, is_available: false }) }),
    );
    expect((await menu(nikos)).map((p) => p.id)).not.toContain(saganaki.id);
    await app.call('PUT', `/api/products/${saganaki.id}`, { token: maria, body: { is_available: true } });
    expect((await menu(nikos)).map((p) => p.id)).toContain(saganaki.id);
  });

  it('hides a dish whose limited stock is used up, while managers still see it', async () => {
    const dish = await newProduct({ name: 'Σαρδέλες', stock_remaining: 0 });
    expect((await menu(nikos)).map((p) => p.id)).not.toContain(dish.id);
    expect((await menu(maria, '?all=true')).find((p) => p.id === dish.id)).toMatchObject({ is_available: true, stock_remaining: 0 });
  });

  it('deletes a dish softly: gone from every list, kept in the database for old bills', async () => {
    const dish = await newProduct({ name: 'Κεφτεδάκια' });
    const events: DeliveredEvent[] = [];
    const unsubscribe = app.appliance.ctx.events.subscribe((event) => events.push(event));
    expect((await app.call('DELETE', `/api/products/${dish.id}`, { token: maria })).body).toEqual({ deleted: true });
    unsubscribe();
    expect(events).toContainEqual(expect.objectContaining({ type: 'product.removed', data: { id: dish.id } }));
    expect((await menu(maria, '?all=true')).map((p) => p.id)).not.toContain(dish.id);
    expect((await app.call('PUT', `/api/products/${dish.id}`, { token: maria, body: { price_cents: 1 } })).status).toBe(404);
    const { db } = app.appliance.ctx;
    expect(db.first(db.q.selectFrom('products').select('is_deleted').where('id', '=', dish.id))).toEqual({ is_deleted: 1 });
  });

  it('answers a missing category or printer with a clear 404, never a 500, and writes nothing', async () => {
    const before = (await menu(maria, '?all=true')).length;
    const noCategory = await app.call('POST', '/api/products', { token: maria, body: { name: 'Φάντασμα', category_id: 99999, price_cents: 100 } });
    expect(noCategory.status).toBe(404);
    expect(noCategory.body.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/Category/) });
    const noPrinter = await app.call('POST', '/api/products', {
      token: maria,
      body: { name: 'Φάντασμα', category_id: mezedes, price_cents: 100, printer_id: 99999 },
    });
    expect(noPrinter.status).toBe(404);
    const tzatziki = await named('Τζατζίκι');
    expect((await app.call('PUT', `/api/products/${tzatziki.id}`, { token: maria, body: { category_id: 99999 } })).status).toBe(404);
    expect((await menu(maria, '?all=true')).length).toBe(before);
  });

  it('refuses a negative price, a VAT over 100 %, a blank name and a stray body with 400', async () => {
    const bad = [{ price_cents: -1 }, { vat_rate_bp: 10001 }, { name: '   ' }, { price_cents: 1.5 }];
    for (const body of bad) {
      const response = await app.call('POST', '/api/products', { token: maria, body: { name: 'Λάθος', category_id: mezedes, price_cents: 100, ...body } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
    }
    const empty = await app.call('POST', '/api/products', { token: maria });
    expect(empty.status).toBe(400);
  });

  it('records a price change with the old and new price in the audit log', async () => {
    const moussaka = await named('Μουσακάς');
    await app.call('PUT', `/api/products/${moussaka.id}`, { token: maria, body: { price_cents: 1450 } });
    const { db } = app.appliance.ctx;
    const rows = db.all(
      db.q.selectFrom('audit_log').select(['action', 'user_id', 'details']).where('entity', '=', 'product').where('entity_id', '=', String(moussaka.id)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.action).toBe('product_updated');
    expect(JSON.parse(rows[0]!.details)).toMatchObject({ price_cents: { before: 1300, after: 1450 } });
  });
});
