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
    await migrateToLatest(b, path.join(dir, 'backups'));
    b.close();
    expect(schemaOf(cycled)).toEqual(schemaOf(fresh));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
