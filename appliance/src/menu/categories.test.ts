import { beforeAll, describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';

type Category = { id: number; name: string; color: string; sort_order: number; vat_rate_bp: number };

describe('menu categories', () => {
  const app = withAppliance();
  let maria: string;

  const categories = async () => (await app.call<Category[]>('GET', '/api/products/categories', { token: maria })).body;

  beforeAll(async () => {
    maria = await app.login('maria');
  });

  it('lists the categories in menu order with colour and VAT rate', async () => {
    const list = await categories();
    expect(list[0]).toEqual({ id: expect.any(Number), name: 'Ορεκτικά', color: '#e07a5f', sort_order: 1, vat_rate_bp: 1300 });
    expect(list.map((c) => c.sort_order)).toEqual([...list.map((c) => c.sort_order)].sort((a, b) => a - b));
  });

  it('creates, edits and deletes an empty category', async () => {
    const created = await app.call<Category>('POST', '/api/products/categories/', {
      token: maria,
      body: { name: 'Κοκτέιλ', color: '#ff00aa', vat_rate_bp: 2400 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Κοκτέιλ', color: '#ff00aa', vat_rate_bp: 2400, sort_order: 0 });
    const renamed = await app.call('PUT', `/api/products/categories/${created.body.id}`, { token: maria, body: { name: 'Κοκτέιλ & Λικέρ' } });
    expect(renamed.body).toMatchObject({ name: 'Κοκτέιλ & Λικέρ', color: '#ff00aa', vat_rate_bp: 2400 });
    expect((await app.call('DELETE', `/api/products/categories/${created.body.id}`, { token: maria })).body).toEqual({ deleted: true });
    expect((await categories()).map((c) => c.id)).not.toContain(created.body.id);
    const { db } = app.appliance.ctx;
    const actions = db.all(db.q.selectFrom('audit_log').select('action').where('entity', '=', 'category').where('entity_id', '=', String(created.body.id)));
    expect(actions.map((a) => a.action)).toEqual(['category_created', 'category_updated', 'category_deleted']);
  });

  it("changes the VAT of every dish that uses its category's rate", async () => {
    const drinks = (await categories()).find((c) => c.name === 'Ποτά')!;
    await app.call('PUT', `/api/products/categories/${drinks.id}`, { token: maria, body: { vat_rate_bp: 2400 } });
    const menu = await app.call('GET', '/api/products', { token: maria });
    expect(menu.body.find((p: { name: string }) => p.name === 'Νερό 1L')).toMatchObject({ vat_rate_bp: 2400, vat_rate_override_bp: null });
  });

  it('refuses to delete a category that still has dishes with 409', async () => {
    const salads = (await categories()).find((c) => c.name === 'Σαλάτες')!;
    const response = await app.call('DELETE', `/api/products/categories/${salads.id}`, { token: maria });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('category_not_empty');
    expect((await categories()).map((c) => c.id)).toContain(salads.id);
  });

  it('lets only managers change categories and refuses a bad colour or a missing one', async () => {
    const nikos = await app.login('nikos');
    expect((await app.call('POST', '/api/products/categories', { token: nikos, body: { name: 'Κρυφή' } })).status).toBe(403);
    expect((await app.call('POST', '/api/products/categories', { token: maria, body: { name: 'Χρώμα', color: 'red' } })).status).toBe(400);
    expect((await app.call('PUT', '/api/products/categories/99999', { token: maria, body: { name: 'Κανένα' } })).status).toBe(404);
  });
});
