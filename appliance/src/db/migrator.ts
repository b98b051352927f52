import { ownerOnlyFolder } from '@tavli/server-kit/owner-only';
import path from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_printing.js';
import * as m0003 from './migrations/0003_dashboard.js';
import * as m0004 from './migrations/0004_sessions.js';

// A fixed list, not a folder scan, so a bundled build still finds every migration.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_printing': m0002,
  '0003_dashboard': m0003,
  '0004_sessions': m0004,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function createMigrator(db: Db): Migrator {
  return new Migrator({ db: db.q, provider });
}

/** Migrates to the latest schema, first backing up a database that already holds data. */
export async function migrateToLatest(db: Db, backupDir?: string): Promise<void> {
  const migrator = createMigrator(db);
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  const hasApplied = known.some((m) => m.executedAt);
  if (pending.length === 0) return;
  if (hasApplied && backupDir) {
    ownerOnlyFolder(backupDir);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await db.sqlite.backup(path.join(backupDir, `pos-before-migration-${stamp}.db`));
  }
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
