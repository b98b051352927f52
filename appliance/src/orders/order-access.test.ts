import { beforeAll, describe, expect, it } from 'vitest';
import { factories, type OpenedOrder } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';

describe('a waiter works only on their own tables', () => {
  const app = withAppliance();
  /** Orders the tests below build on: nikos's own, and one he shares with eleni. */
  const orders: { nikos?: OpenedOrder; shared?: OpenedOrder } = {};
  let f: ReturnType<typeof factories>;
  let nikos: string;
  let eleni: string;
  let maria: string;
  beforeAll(async () => {
    f = factories(app);
    [nikos, eleni, maria] = [await app.login('nikos'), await app.login('eleni'), await app.login('maria')];
  });

  it("refuses another waiter's order with 403 while the tables list still shows its state", async () => {
    const order = (orders.nikos = await f.openOrder(nikos));
    const tzatziki = await f.product();
    expect((await app.call('GET', `/api/orders/${order.id}`, { token: eleni })).status).toBe(403);
    expect((await f.addLines(eleni, order.id, [f.line(tzatziki.id)])).status).toBe(403);
    const table = (await app.call('GET', '/api/tables', { token: eleni })).body.find((t: { id: number }) => t.id === order.table_id);
    expect(table.state).toBe('open');
    expect((await app.call('GET', `/api/orders/${order.id}`, { token: maria })).status).toBe(200);
  });

  it('lets an added waiter act on the order and see it among their own', async () => {
    const order = (orders.shared = await f.openOrder(nikos));
    const me = (await app.call('GET', '/api/auth/me', { token: eleni })).body;
    const added = await app.call('POST', `/api/orders/${order.id}/waiters`, { token: nikos, body: { user_id: me.id } });
    expect(added.body.waiters.map((w: { username: string }) => w.username)).toEqual(['nikos', 'eleni']);
    expect((await app.call('GET', `/api/orders/${order.id}`, { token: eleni })).status).toBe(200);
    const mine = (await app.call('GET', '/api/orders/my', { token: eleni })).body;
    expect(mine.map((o: { id: string }) => o.id)).toContain(order.id);
  });

  it('lets an assistant act on the orders of the waiter they assist', async () => {
    const order = await f.openOrder(nikos);
    const { db } = app.appliance.ctx;
    const id = (username: string) => db.first(db.q.selectFrom('users').select('id').where('username', '=', username))!.id;
    await db.write((tx) => tx.run(tx.q.insertInto('assistant_assignments').values({ waiter_id: id('nikos'), assistant_id: id('giorgos') })));
    const giorgos = await app.login('giorgos');
    expect((await app.call('GET', `/api/orders/${order.id}`, { token: giorgos })).status).toBe(200);
  });

  it('keeps the order list and voids for managers', async () => {
    expect((await app.call('GET', '/api/orders', { token: nikos })).status).toBe(403);
    const page = await app.call('GET', '/api/orders?limit=2', { token: maria });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    const next = await app.call('GET', `/api/orders?limit=2&cursor=${page.body.next_cursor}`, { token: maria });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.next_cursor).toBeNull();
    const ids = [...page.body.items, ...next.body.items].map((o: { id: string }) => o.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('filters the order list by table and status', async () => {
    const { table } = orders.nikos!;
    const byTable = await app.call('GET', `/api/orders?table_id=${table.id}&status=open`, { token: maria });
    expect(byTable.body.items).toHaveLength(1);
    expect(byTable.body.items[0].table_label).toBe(table.label);
  });

  it('filters the order list by waiter and by the time the table was opened', async () => {
    const eleniId = (await app.call('GET', '/api/auth/me', { token: eleni })).body.id;
    const byEleni = await app.call('GET', `/api/orders?waiter_id=${eleniId}`, { token: maria });
    expect(byEleni.body.items.map((o: { table_label: string }) => o.table_label)).toEqual([orders.shared!.table.label]);
    const dayAfterTomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await app.call('GET', `/api/orders?from=${dayAfterTomorrow}`, { token: maria })).body.items).toEqual([]);
    expect((await app.call('GET', `/api/orders?to=${dayAfterTomorrow}`, { token: maria })).body.items.length).toBeGreaterThanOrEqual(3);
    expect((await app.call('GET', '/api/orders?from=not-a-date', { token: maria })).status).toBe(400);
  });
});
