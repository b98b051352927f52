import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { takeBackup } from '../backup/backups.js';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_printing.js';
import * as m0003 from './migrations/0003_dashboard.js';
import * as m0004 from './migrations/0004_sessions.js';
import * as m0005 from './migrations/0005_setup.js';

// A fixed list, not a folder scan, so a bundled build still finds every migration.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_printing': m0002,
  '0003_dashboard': m0003,
  '0004_sessions': m0004,
  '0005_setup': m0005,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function createMigrator(db: Db): Migrator {
  return new Migrator({ db: db.q, provider });
}

/** Migrates to the latest schema, first backing up (into dataDir's backups) a database that already holds data. */
export async function migrateToLatest(db: Db, dataDir?: string): Promise<void> {
  const migrator = createMigrator(db);
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  const hasApplied = known.some((m) => m.executedAt);
  if (pending.length === 0) return;
  if (hasApplied && dataDir) await takeBackup(db.sqlite, dataDir, 'before-migration');
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
