import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '@tavli/printer-emulator/emulator';
import { describe, expect, it } from 'vitest';
import { spawnAppliance } from '../test/child-appliance.js';
import { factories } from '../test/factories.js';
import { applianceApi, DEMO_FIXTURE } from '../test/harness.js';

describe('a clean stop (SIGTERM, as systemd sends it)', () => {
  it('finishes every request in flight and its commit, answers each in full, then exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-sigterm-'));
    const stalled = await startEmulator({ name: 'Σιωπηλός', mode: 'stall' });
    let running = await spawnAppliance({ DATA_DIR: dataDir, SEED_FIXTURE: DEMO_FIXTURE, PRINTER_WRITE_TIMEOUT_MS: '1500' });
    const api = applianceApi(() => running.url);
    try {
      const f = factories(api);
      const [maria, nikos] = [await api.login('maria'), await api.login('nikos')];
      const printer = await api.call('POST', '/api/printers', { token: maria, body: { name: 'Σιωπηλός', ip_address: '127.0.0.1', port: stalled.port } });
      const dish = await f.product({ price_cents: 450 });
      const orders = await Promise.all(Array.from({ length: 4 }, () => f.openOrder(nikos)));

      // A test page that takes 1.5 s (the printer never reads), and item-adds, all in flight when SIGTERM comes.
      const post = (pathname: string, token: string, body: unknown) =>
        fetch(`${running.url}${pathname}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const slow = post(`/api/printers/${printer.body.id}/test`, maria, {});
      const lines = Array.from({ length: 20 }, () => f.line(dish.id));
      const adds = lines.map((line, n) => post(`/api/orders/${orders[n % orders.length]!.id}/items`, nikos, { items: [line] }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      running.child.kill('SIGTERM');

      const tested = await slow;
      expect(tested.status).toBe(200);
      expect(await tested.json()).toMatchObject({ printed: false });
      const added = await Promise.all(adds);
      expect(added.map((answer) => answer.status)).toEqual(added.map(() => 201));
      expect(await running.exited).toBe(0);

      running = await spawnAppliance({ DATA_DIR: dataDir });
      const token = await api.login('nikos');
      const stored = [];
      for (const order of orders) stored.push(...(await api.call('GET', `/api/orders/${order.id}`, { token })).body.items);
      expect(stored.map((line: { id: string }) => line.id).sort()).toEqual(lines.map((line) => line.id).sort());
    } finally {
      await running.kill();
      await stalled.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
