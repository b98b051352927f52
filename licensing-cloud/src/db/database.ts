import { ownerOnlyFile, ownerOnlyFolder } from '@tavli/server-kit/owner-only';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { AdminActivityTable } from '../activity/activity.table.js';
import type { AdminsTable } from '../admins/admins.table.js';
import type { DatabaseConfig } from '../config.js';
import type { SiteHeartbeatsTable } from '../heartbeat/heartbeat.table.js';
import type { SitesTable } from '../sites/sites.table.js';

export interface Database {
  admins: AdminsTable;
  admin_activity: AdminActivityTable;
  sites: SitesTable;
  site_heartbeats: SiteHeartbeatsTable;
}

/** The same typed, asynchronous query builder on SQLite and PostgreSQL. */
export type Db = Kysely<Database>;

export type OpenDatabase = {
  db: Db;
  /** SQLite only: a consistent copy of the file (taken before migrating). */
  backupTo: ((file: string) => Promise<unknown>) | undefined;
  /** PostgreSQL only: the connection pool's connections now, for the metrics. */
  pool: (() => { total: number; idle: number; waiting: number }) | undefined;
};

// bigint columns (seq, uptime) come back as numbers, as they do from SQLite; safe below 2^53.
const int8AsNumber: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const STATEMENT_CACHE_SIZE = 200;

/**
 * better-sqlite3 with its prepared statements kept: kysely prepares every query afresh, which
 * costs more than running the heartbeat's small statements. Oldest entries leave first.
 */
function cachingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export function openDatabase(config: DatabaseConfig): OpenDatabase {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, types: int8AsNumber });
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      backupTo: undefined,
      pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  ownerOnlyFolder(path.dirname(config.file));
  const sqlite = new BetterSqlite3(ownerOnlyFile(config.file));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) }),
    backupTo: (file) => sqlite.backup(file),
    pool: undefined,
  };
}
