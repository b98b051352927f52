import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestAppliance, withAppliance } from '../test/harness.js';

describe('the database under another program’s lock', () => {
  const app = withAppliance();

  it('answers a write 503 database_busy with Retry-After at once, says so on health, and writes again once the lock is gone', async () => {
    const nikos = await app.login('nikos');
    const table = (await app.call('GET', '/api/tables', { token: nikos })).body.find((candidate: { state: string }) => candidate.state === 'available');
    const other = new BetterSqlite3(path.join(app.dataDir, 'pos.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      const refused = await app.call('POST', '/api/orders', { token: nikos, body: { table_id: table.id } });
      expect(performance.now() - started).toBeLessThan(2_000); // not the 5 s a write used to wait, stalling every request
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('database_busy');
      expect(refused.headers.get('retry-after')).toBe('5');
      expect((await app.call('GET', '/api/system/health')).body).toMatchObject({ status: 'degraded', db: 'locked', problems: ['database_locked'] });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await app.call('POST', '/api/orders', { token: nikos, body: { table_id: table.id } })).status).toBe(201);
    expect((await app.call('GET', '/api/system/health')).body).toMatchObject({ status: 'ok', db: 'ok', problems: [] });
  });
});

describe('a database file that exists', () => {
  it('is never seeded when it is empty (truncated, replaced): the appliance starts with no staff and says why', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-empty-db-'));
    fs.writeFileSync(path.join(dataDir, 'pos.db'), '');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const app = await startTestAppliance({ env: { DATA_DIR: dataDir } });
      expect((await app.call('GET', '/api/auth/staff')).body).toEqual([]);
      await app.stop();
    } finally {
      console.warn = warn;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(warnings.join('\n')).toMatch(/pos\.db exists but has no staff: not seeding it/);
  });
});
