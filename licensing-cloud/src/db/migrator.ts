import { ownerOnlyFolder } from '@tavli/server-kit/owner-only';
import path from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db, OpenDatabase } from './database.js';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_roles_and_activity.js';
import * as m0003 from './migrations/0003_tampering.js';

// A fixed list, not a folder scan, so a bundled build still finds every migration.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_roles_and_activity': m0002,
  '0003_tampering': m0003,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const createMigrator = (db: Db) => new Migrator({ db, provider });

/**
 * Migrates to the latest schema. SQLite DDL is not transactional under kysely's migrator, so a
 * SQLite database that already holds data is backed up first; PostgreSQL migrates in a transaction.
 */
export async function migrateToLatest({ db, backupTo }: OpenDatabase, backupDir: string): Promise<void> {
  const migrator = createMigrator(db);
  const known = await migrator.getMigrations();
  if (known.every((m) => m.executedAt)) return;
  if (backupTo && known.some((m) => m.executedAt)) {
    ownerOnlyFolder(backupDir);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await backupTo(path.join(backupDir, `cloud-before-migration-${stamp}.db`));
  }
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
