import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startAppliance } from '../main.js';
import { request } from '@tavli/test-kit/http-request';
import { startTestAppliance, type TestAppliance } from '../test/harness.js';
import { runBackupCommand } from './backup-cli.js';
import { listBackups } from './backups.js';
import { DatabaseDamaged, serveRecovery } from './recovery.js';

let app: TestAppliance | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Runs `tavli backup|restore|…`'s data side against the test appliance's folder, with what it printed. */
async function tavli(...args: string[]): Promise<{ status: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    return { status: await runBackupCommand(args, { DATA_DIR: app!.dataDir }), out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

async function openOrder(token: string): Promise<number> {
  const tables = (await app!.call('GET', '/api/tables', { token })).body as Array<{ id: number; state: string }>;
  const table = tables.find((candidate) => candidate.state === 'available')!;
  const order = await app!.call('POST', '/api/orders', { token, body: { table_id: table.id } });
  expect(order.status).toBe(201);
  return order.body.id as number;
}

describe('backups', () => {
  it('are taken while the appliance serves, checked, and carry what a new card needs to open the PINs', async () => {
    app = await startTestAppliance();
    const nikos = await app.login('nikos');
    const order = await openOrder(nikos);

    const taken = await tavli('backup', 'nightly');
    expect(taken.status).toBe(0);
    expect(path.basename(taken.out)).toMatch(/^pos-\d{8}T\d{6}Z-nightly\.db$/);
    expect(fs.statSync(taken.out).mode & 0o777).toBe(0o600);
    const copy = new BetterSqlite3(taken.out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT id FROM orders').all()).toEqual([{ id: order }]);
    expect(copy.prepare("SELECT value FROM tavli_backup WHERE name = 'pin_key'").get()).toEqual({
      value: fs.readFileSync(path.join(app.dataDir, 'secrets', 'pin.key'), 'utf8'),
    });
    copy.close();
    expect((await tavli('latest')).out).toBe(taken.out);
  });

  it('restore: the database goes back to the backup, the replaced one is kept aside, and the staff sign in on a new card', async () => {
    app = await startTestAppliance();
    const nikos = await app.login('nikos');
    const kept = await openOrder(nikos);
    const backup = (await tavli('backup')).out;
    const lost = await openOrder(nikos);

    await app.appliance.stop();
    // A new card: the database and the PIN pepper are gone; only the backup is left.
    for (const name of ['pos.db', 'pos.db-wal', 'pos.db-shm']) fs.rmSync(path.join(app.dataDir, name), { force: true });
    fs.rmSync(path.join(app.dataDir, 'secrets', 'pin.key'));
    expect((await tavli('restore', backup)).status).toBe(0);
    await app.restart();
    const token = await app.login('nikos');
    expect((await app.call('GET', `/api/orders/${kept}`, { token })).status).toBe(200);
    expect((await app.call('GET', `/api/orders/${lost}`, { token })).status).toBe(404);
  });

  it('restore keeps the database it replaces and refuses a file that is not a sound database', async () => {
    app = await startTestAppliance();
    const backup = (await tavli('backup')).out;
    await app.appliance.stop();
    const junk = path.join(app.dataDir, 'junk.db');
    fs.writeFileSync(junk, 'not a database');
    const error = console.error;
    console.error = () => undefined;
    try {
      await expect(tavli('restore', junk)).rejects.toThrow(/is not a sound database/);
    } finally {
      console.error = error;
    }
    const { out } = await tavli('restore', backup);
    const aside = / is in (.+)$/.exec(out)![1]!;
    expect(fs.readdirSync(aside).sort()).toEqual(['pin.key', 'pos.db']);
    expect((await tavli('check')).out).toBe('ok');
    await app.restart();
  });
});

describe('a damaged database at start-up', () => {
  it('is not opened: the log says so, health says so, and every page offers the newest sound backup', async () => {
    app = await startTestAppliance();
    const sound = (await tavli('backup', 'nightly')).out;
    await app.appliance.stop();
    const file = path.join(app.dataDir, 'pos.db');
    // Break the root page of an index of the audit log, which SQLite reads only when asked to.
    const sqlite = new BetterSqlite3(file);
    const page = (sqlite.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_log'").get() as { rootpage: number }).rootpage;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    sqlite.close();
    const handle = fs.openSync(file, 'r+');
    fs.writeSync(handle, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize);
    fs.closeSync(handle);
    const before = fs.readFileSync(file);

    const config = loadConfig({ DATA_DIR: app.dataDir, PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', LICENSE_ENFORCEMENT: 'off' });
    const damage = await startAppliance(config).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(damage).toBeInstanceOf(DatabaseDamaged);
    expect((damage as DatabaseDamaged).message).toMatch(/pos\.db is damaged \(PRAGMA quick_check\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true); // not migrated, not written

    const recovery = await serveRecovery(config, damage as DatabaseDamaged);
    try {
      const url = `http://127.0.0.1:${recovery.port}`;
      const health = JSON.parse((await request(`${url}/api/system/health`, { method: 'GET', headers: {} })).body);
      expect(health).toMatchObject({ status: 'degraded', db: 'damaged', restore_from: path.basename(sound) });
      expect(health.problems[0]).toMatch(/^database_damaged: /);
      const refused = await request(`${url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(503);
      expect(JSON.parse(refused.body).error.code).toBe('database_damaged');
      const page = await request(`${url}/setup`, { method: 'GET', headers: { 'accept-language': 'en-GB' } });
      expect(page.status).toBe(503);
      expect(page.body).toContain('Tavli’s database is damaged');
      expect(page.body).toContain(`sudo tavli restore ${sound}`);
      expect((await request(`${url}/?lang=el`, { method: 'GET', headers: {} })).body).toContain('Η βάση δεδομένων του Tavli έχει βλάβη');
    } finally {
      await recovery.stop();
    }
    expect(listBackups(app.dataDir).map((backup) => backup.file)).toEqual([sound]);
    await tavli('restore', sound);
    await app.restart();
  });
});

describe('a manager’s copy of the backups', () => {
  it('lists the backups and downloads the newest sound one; a waiter may not', async () => {
    app = await startTestAppliance();
    const maria = await app.login('maria');
    expect((await app.call('GET', '/api/system/backups/latest', { token: maria })).status).toBe(404);
    const taken = (await tavli('backup', 'nightly')).out;
    const listed = await app.call('GET', '/api/system/backups', { token: maria });
    expect(listed.body).toEqual([expect.objectContaining({ name: path.basename(taken), reason: 'nightly', bytes: fs.statSync(taken).size })]);
    const download = await fetch(`${app.url}/api/system/backups/latest`, { headers: { authorization: `Bearer ${maria}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${path.basename(taken)}"`);
    expect(Buffer.from(await download.arrayBuffer()).equals(fs.readFileSync(taken))).toBe(true);
    expect((await app.call('GET', '/api/system/backups/latest', { token: await app.login('nikos') })).status).toBe(403);
  });
});
