import { ownerOnlyFile } from '@tavli/server-kit/owner-only';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import type { AssistantAssignmentsTable, UsersTable } from '../auth/users.table.js';
import type { AuditLogTable } from '../audit/audit.table.js';
import type { IdempotencyKeysTable } from '../idempotency/idempotency.table.js';
import type {
  CategoriesTable,
  ProductIngredientsTable,
  ProductOptionsTable,
  ProductPreferenceChoicesTable,
  ProductPreferenceSetsTable,
  ProductsTable,
} from '../menu/menu.table.js';
import type { OrderItemsTable, OrdersTable, OrderWaitersTable, PaymentsTable } from '../orders/orders.table.js';
import type { PrintersTable } from '../printing/printers.table.js';
import type { PrintJobItemsTable, PrintJobsTable, PrintLogTable } from '../printing/printing.table.js';
import type { SettingsTable } from '../settings/settings.table.js';
import type { TableGroupsTable, TablesTable } from '../tables/tables.table.js';
import path from 'node:path';
import { createDiskGuard } from './disk-space.js';
import { createWriteQueue, type CommitObserver, type WriteQueue, type WriteStats } from './write-queue.js';

export interface Database {
  users: UsersTable;
  assistant_assignments: AssistantAssignmentsTable;
  table_groups: TableGroupsTable;
  tables: TablesTable;
  printers: PrintersTable;
  categories: CategoriesTable;
  products: ProductsTable;
  product_options: ProductOptionsTable;
  product_ingredients: ProductIngredientsTable;
  product_preference_sets: ProductPreferenceSetsTable;
  product_preference_choices: ProductPreferenceChoicesTable;
  orders: OrdersTable;
  order_waiters: OrderWaitersTable;
  order_items: OrderItemsTable;
  payments: PaymentsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  settings: SettingsTable;
  print_jobs: PrintJobsTable;
  print_job_items: PrintJobItemsTable;
  print_log: PrintLogTable;
}

/** What a write's callback may return: anything but a promise (its code would run outside the transaction). */
export type Sync<T> = T extends PromiseLike<unknown> ? never : T;

export type RunResult = { changes: number; lastInsertRowid: number | bigint };

/** `essential`: a small write the appliance needs to stay usable (a sign-in's audit), still taken on a nearly full disk. */
export type WriteOptions = { essential?: boolean };

/**
 * Kysely builds typed queries; better-sqlite3 runs them synchronously. Synchronous execution is
 * what makes a multi-statement write atomic without awaiting inside a transaction, and what lets
 * the write queue commit many requests with one fsync.
 */
export type Db = {
  readonly sqlite: BetterSqlite3.Database;
  readonly q: Kysely<Database>;
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  /** The prepared statement for this SQL, prepared once per database. */
  statement(sql: string): BetterSqlite3.Statement;
  /**
   * Runs fn atomically in the next group commit and resolves once it is durable on disk. fn is
   * synchronous (a promise is a compile error): nothing it does can escape the transaction.
   */
  write<T>(fn: (tx: Tx) => Sync<T>, options?: WriteOptions): Promise<T>;
  /** True while the disk is too full to take new writes. */
  diskNearlyFull(): boolean;
  /** Transactions committed and the writes they carried (group-commit size = writes / commits). */
  readonly writeStats: Readonly<WriteStats>;
  close(): void;
};

declare const inWrite: unique symbol;

/**
 * A database inside a write: the only handle that can change data. Repositories that write take
 * a Tx, and only `db.write` hands one out, so a change cannot happen outside a transaction.
 */
export type Tx = Db & {
  readonly [inWrite]: true;
  run(query: Compilable<unknown>): RunResult;
  /** Runs callback after this write is durable (never if it rolls back). */
  afterCommit(callback: () => void): void;
};

/**
 * Opens (or creates) the database; with `minFreeBytes`, writes are refused with 507 while the
 * disk that holds it has less free (disk-space.ts).
 */
export function openDatabase(file: string, options: { minFreeBytes?: number; onCommit?: CommitObserver } = {}): Db {
  const disk = options.minFreeBytes === undefined ? undefined : createDiskGuard(path.dirname(file), options.minFreeBytes);
  // SQLite gives the -wal and -shm files the database file's mode: owner-only before they exist.
  const sqlite = new BetterSqlite3(ownerOnlyFile(file));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Short: better-sqlite3 waits for a lock synchronously, and the event loop must not stall while
  // another program (a backup, a sqlite3 shell) holds the database; the write is answered 503 instead.
  sqlite.pragma('busy_timeout = 100');
  const q = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = sqlite.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile();
    return { statement: statement(compiled.sql), parameters: compiled.parameters as unknown[] };
  };
  const queue: WriteQueue = createWriteQueue(sqlite, options.onCommit);
  const db: Db = {
    sqlite,
    q,
    all<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query);
      return statement.all(...parameters) as R[];
    },
    first<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query);
      return statement.get(...parameters) as R | undefined;
    },
    statement,
    write: <T>(fn: (tx: Tx) => T, options: WriteOptions = {}) => {
      try {
        disk?.requireRoom(options.essential);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return queue.submit(() => fn(tx));
    },
    diskNearlyFull: () => disk?.nearlyFull() ?? false,
    writeStats: queue.stats,
    close() {
      queue.drainSync();
      sqlite.close();
    },
  };
  const tx = {
    ...db,
    run(query: Compilable<unknown>) {
      const { statement, parameters } = prepare(query);
      return statement.run(...parameters);
    },
    afterCommit: (callback: () => void) => queue.afterCommit(callback),
  } as Tx;
  return db;
}
