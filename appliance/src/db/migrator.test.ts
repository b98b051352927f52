import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { NO_MIGRATIONS } from 'kysely';
import { createMigrator, migrateToLatest } from './migrator.js';

const schemaOf = (file: string) => {
  const db = openDatabase(file);
  const rows = db.sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  db.close();
  return rows;
};

describe('database migrations', () => {
  it('end a new appliance and one migrated down and up again with the same schema', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-migrate-'));
    const fresh = path.join(dir, 'fresh.db');
    const cycled = path.join(dir, 'cycled.db');
    const a = openDatabase(fresh);
    await migrateToLatest(a);
    a.close();
    const b = openDatabase(cycled);
    await migrateToLatest(b);
    const migrator = createMigrator(b);
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect(b.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'orders'").get()).toEqual({ n: 0 });
    await migrateToLatest(b, dir);
    b.close();
    expect(schemaOf(cycled)).toEqual(schemaOf(fresh));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keep every print job, its number sequence and its log when the job kinds grow to include reports', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-migrate-'));
    const db = openDatabase(path.join(dir, 'pos.db'));
    expect((await createMigrator(db).migrateTo('0002_printing')).error).toBeUndefined();
    const run = (statement: string) => db.sqlite.prepare(statement).run();
    run(`INSERT INTO printers (id, name, ip_address) VALUES (1, 'Κουζίνα', '127.0.0.1')`);
    run(`INSERT INTO print_jobs (id, printer_id, kind, document, created_at) VALUES (7, 1, 'ticket', '{}', '2026-01-01T20:00:00.000Z')`);
    run(`INSERT INTO print_jobs (id, printer_id, kind, document, created_at) VALUES (9, 1, 'bill', '{}', '2026-01-01T20:01:00.000Z')`);
    run(`DELETE FROM print_jobs WHERE id = 9`);
    run(`INSERT INTO print_log (job_id, printer_id, at, success, duration_ms) VALUES (7, 1, '2026-01-01T20:00:01.000Z', 1, 12)`);

    await migrateToLatest(db, dir);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/^pos-\d{8}T\d{6}Z-before-migration\.db$/)]);

    expect(db.sqlite.prepare('SELECT id, kind FROM print_jobs').all()).toEqual([{ id: 7, kind: 'ticket' }]);
    expect(db.sqlite.prepare('SELECT job_id FROM print_log').all()).toEqual([{ job_id: 7 }]);
    const report = db.sqlite
      .prepare(`INSERT INTO print_jobs (printer_id, kind, document, created_at) VALUES (1, 'report', '{}', '2026-01-02T04:00:00.000Z')`)
      .run();
    expect(report.lastInsertRowid).toBe(10);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
