import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { startTestAppliance, type TestAppliance } from '../test/harness.js';

describe('nothing acknowledged is lost', () => {
  let app: TestAppliance;
  beforeAll(async () => {
    app = await startTestAppliance();
  });
  afterAll(() => app.stop());

  it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', () => {
    const { sqlite } = app.appliance.ctx.db;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps every acknowledged order, line and payment across a restart', async () => {
    const f = factories(app);
    const nikos = await app.login('nikos');
    const tzatziki = await f.productNamed('Τζατζίκι');
    const acknowledged: string[] = [];
    const orders = await Promise.all(['1', '2', '3', '4'].map((label) => f.openOrder(nikos, label)));
    const adds = await Promise.all(orders.flatMap((order) => Array.from({ length: 5 }, () => f.addLines(nikos, order.id, [f.line(tzatziki.id)]))));
    for (const add of adds) {
      expect(add.status).toBe(201);
      acknowledged.push(add.body.items[0].id);
    }
    const paid = await app.call('POST', `/api/orders/${orders[0]!.id}/pay`, {
      token: nikos,
      body: { items: [{ item_id: adds[0]!.body.items[0].id }], method: 'cash' },
    });
    expect(paid.status).toBe(201);

    await app.restart();

    const token = await app.login('nikos');
    const stored = [];
    for (const order of orders) stored.push(...(await app.call('GET', `/api/orders/${order.id}`, { token })).body.items);
    expect(stored.map((line: { id: string }) => line.id).sort()).toEqual(acknowledged.sort());
    const first = await app.call('GET', `/api/orders/${orders[0]!.id}`, { token });
    expect(first.body).toMatchObject({ status: 'partially_paid', paid_cents: 450 });
    expect(first.body.payments).toHaveLength(1);
  });

  it('keeps the JWT secret across restarts, so signed-in phones stay signed in', async () => {
    const token = await app.login('eleni');
    await app.restart();
    expect((await app.call('GET', '/api/auth/me', { token })).status).toBe(200);
  });

  it('refuses to rewrite or delete the audit log', () => {
    const { sqlite } = app.appliance.ctx.db;
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toMatchObject({ n: expect.any(Number) });
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
