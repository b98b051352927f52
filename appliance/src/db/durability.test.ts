import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAppliance } from '../test/child-appliance.js';
import { factories } from '../test/factories.js';
import { applianceApi, DEMO_FIXTURE, withAppliance } from '../test/harness.js';

describe('nothing acknowledged is lost', () => {
  const app = withAppliance();

  it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', () => {
    const { sqlite } = app.appliance.ctx.db;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps every acknowledged order, line and payment when the power is cut right after the answers (SIGKILL)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-power-cut-'));
    let running = await spawnAppliance({ DATA_DIR: dataDir, SEED_FIXTURE: DEMO_FIXTURE });
    const api = applianceApi(() => running.url);
    try {
      const f = factories(api);
      const nikos = await api.login('nikos');
      const tzatziki = await f.product({ price_cents: 450 });
      const orders = await Promise.all(Array.from({ length: 4 }, () => f.openOrder(nikos)));
      const adds = await Promise.all(orders.flatMap((order) => Array.from({ length: 5 }, () => f.addLines(nikos, order.id, [f.line(tzatziki.id)]))));
      const paid = await api.call('POST', `/api/orders/${orders[0]!.id}/pay`, {
        token: nikos,
        body: { items: [{ item_id: adds[0]!.body.items[0].id }], method: 'cash' },
      });
      await running.kill();
      expect(adds.map((add) => add.status)).toEqual(adds.map(() => 201));
      expect(paid.status).toBe(201);

      running = await spawnAppliance({ DATA_DIR: dataDir });
      const token = await api.login('nikos');
      const stored = [];
      for (const order of orders) stored.push(...(await api.call('GET', `/api/orders/${order.id}`, { token })).body.items);
      expect(stored.map((line: { id: string }) => line.id).sort()).toEqual(adds.map((add) => add.body.items[0].id).sort());
      const first = await api.call('GET', `/api/orders/${orders[0]!.id}`, { token });
      expect(first.body).toMatchObject({ status: 'partially_paid', paid_cents: 450 });
      expect(first.body.payments).toHaveLength(1);
    } finally {
      await running.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
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
