import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NO_MIGRATIONS, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../test/harness.js';
import { freshPostgresSchema } from '../test/postgres-schema.js';
import { openDatabase } from './database.js';
import { createMigrator, migrateToLatest } from './migrator.js';

const TABLES = ['admins', 'site_heartbeats', 'sites'];

forEachDatabase((variant) => {
  describe('migrations', () => {
    it('run from an empty database to the latest schema, all the way down, and up again', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-cloud-migrate-'));
      const postgres = variant.url ? await freshPostgresSchema(variant.url) : undefined;
      const database = openDatabase(postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'sqlite', file: path.join(dataDir, 'cloud.db') });
      const tables = async () =>
        (await database.db.introspection.getTables())
          .map((t) => t.name)
          .filter((name) => TABLES.includes(name))
          .sort();
      try {
        await migrateToLatest(database, path.join(dataDir, 'backups'));
        expect(await tables()).toEqual(TABLES);
        const down = await createMigrator(database.db).migrateTo(NO_MIGRATIONS);
        expect(down.error).toBeUndefined();
        expect(await tables()).toEqual([]);
        await migrateToLatest(database, path.join(dataDir, 'backups'));
        expect(await tables()).toEqual(TABLES);
        await migrateToLatest(database, path.join(dataDir, 'backups'));
      } finally {
        await database.db.destroy();
        await postgres?.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('migrations on PostgreSQL, with replicas starting at once', () => {
  it('run once, by one replica, while the others wait for the lock and find nothing left to do', async () => {
    const postgres = await freshPostgresSchema(process.env.TEST_DATABASE_URL!);
    const replicas = Array.from({ length: 3 }, () => openDatabase({ kind: 'postgres', url: postgres.url }));
    try {
      await Promise.all(replicas.map((replica) => migrateToLatest(replica, os.tmpdir())));
      const { rows: applied } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(replicas[0]!.db);
      const known = await createMigrator(replicas[0]!.db).getMigrations();
      expect(applied.map((row) => row.name).sort()).toEqual(known.map((migration) => migration.name).sort());
      expect(await replicas[0]!.db.selectFrom('sites').select('id').execute()).toEqual([]);
    } finally {
      await Promise.all(replicas.map((replica) => replica.db.destroy()));
      await postgres.drop();
    }
  });
});
