import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

describe('arranging the floor: table groups and tables', () => {
  const app = withAppliance();
  let maria: string;
  let nikos: string;
  beforeAll(async () => {
    [maria, nikos] = [await app.login('maria'), await app.login('nikos')];
  });

  const labels = async () => (await app.call('GET', '/api/tables', { token: nikos })).body.map((t: { label: string }) => t.label);

  it('lists every table of the demo floor, grouped and in order, all free', async () => {
    const tables = (await app.call('GET', '/api/tables', { token: nikos })).body;
    expect(tables).toHaveLength(24);
    expect(tables[0]).toMatchObject({ label: '1', group_name: 'Σάλα', state: 'available', order_id: null, waiters: [], item_count: 0 });
    expect(tables.map((t: { group_name: string }) => t.group_name).filter((g: string, i: number, all: string[]) => all.indexOf(g) === i)).toEqual([
      'Σάλα',
      'Βεράντα',
      'Μπαρ',
    ]);
  });

  it('lets a manager add a garden with numbered tables in one go', async () => {
    const group = await app.call('POST', '/api/tables/groups', { token: maria, body: { name: 'Κήπος', sort_order: 9 } });
    expect(group.status).toBe(201);
    const batch = await app.call('POST', '/api/tables/batch', { token: maria, body: { group_id: group.body.id, prefix: 'Κ', from: 1, count: 5 } });
    expect(batch.status).toBe(201);
    expect(batch.body.map((t: { label: string }) => t.label)).toEqual(['Κ1', 'Κ2', 'Κ3', 'Κ4', 'Κ5']);
    expect(await labels()).toEqual(expect.arrayContaining(['Κ1', 'Κ5']));
    const groups = (await app.call('GET', '/api/tables/groups', { token: nikos })).body;
    expect(groups.map((g: { name: string }) => g.name)).toContain('Κήπος');
  });

  it('refuses a batch that would repeat an existing label, creating none of it', async () => {
    const groups = (await app.call('GET', '/api/tables/groups', { token: maria })).body;
    const response = await app.call('POST', '/api/tables/batch', { token: maria, body: { group_id: groups[0].id, prefix: '', from: 10, count: 5 } });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('label_taken');
    expect(await labels()).not.toContain('13');
  });

  it('renames and moves a table with a partial update', async () => {
    const created = await app.call('POST', '/api/tables', {
      token: maria,
      body: { label: 'Χ1', group_id: (await app.call('GET', '/api/tables/groups', { token: maria })).body[0].id },
    });
    expect(created.status).toBe(201);
    const renamed = await app.call('PUT', `/api/tables/${created.body.id}/`, { token: maria, body: { label: 'Χ2' } });
    expect(renamed.body).toMatchObject({ label: 'Χ2', group_id: created.body.group_id });
  });

  it('will not delete a table with an open order, nor a group that still has tables', async () => {
    const order = await factories(app).openOrder(nikos);
    const table = order.table;
    const refused = await app.call('DELETE', `/api/tables/${table.id}`, { token: maria });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('table_in_use');
    expect(order.id).toBeTruthy();
    const groupInUse = await app.call('DELETE', `/api/tables/groups/${table.group_id}`, { token: maria });
    expect(groupInUse.status).toBe(409);
  });

  it('retires a free table: it leaves the floor but old orders keep it', async () => {
    const table = (await app.call('GET', '/api/tables', { token: maria })).body.find((t: { label: string }) => t.label === 'Κ5');
    expect((await app.call('DELETE', `/api/tables/${table.id}`, { token: maria })).status).toBe(200);
    expect(await labels()).not.toContain('Κ5');
  });

  it('keeps the floor plan for managers: a waiter gets 403', async () => {
    const groups = (await app.call('GET', '/api/tables/groups', { token: nikos })).body;
    expect((await app.call('POST', '/api/tables', { token: nikos, body: { label: 'Ζ1', group_id: groups[0].id } })).status).toBe(403);
    expect((await app.call('POST', '/api/tables/groups', { token: nikos, body: { name: 'Ταράτσα' } })).status).toBe(403);
  });
});
