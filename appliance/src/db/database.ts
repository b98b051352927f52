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
import type { PrintersTable } from '../printers/printers.table.js';
import type { PrintJobItemsTable, PrintJobsTable, PrintLogTable } from '../printing/printing.table.js';
import type { SettingsTable } from '../settings/settings.table.js';
import type { TableGroupsTable, TablesTable } from '../tables/tables.table.js';
import { createWriteQueue, type WriteQueue } from './write-queue.js';

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

export type RunResult = { changes: number; lastInsertRowid: number | bigint };

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
  run(query: Compilable<unknown>): RunResult;
  /** The prepared statement for this SQL, prepared once per database. */
  statement(sql: string): BetterSqlite3.Statement;
  /** Runs fn atomically now (a savepoint when already inside a transaction). */
  transaction<T>(fn: () => T): T;
  /** Runs fn atomically in the next group commit; resolves once it is durable on disk. */
  write<T>(fn: () => T): Promise<T>;
  /** Inside a write: runs callback after that write is durable (never if it rolls back). */
  afterCommit(callback: () => void): void;
  close(): void;
};

export function openDatabase(file: string): Db {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
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
  const queue: WriteQueue = createWriteQueue(sqlite);
  return {
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
    run(query) {
      const { statement, parameters } = prepare(query);
      return statement.run(...parameters);
    },
    statement,
    transaction<T>(fn: () => T) {
      return sqlite.transaction(fn)();
    },
    write: (fn) => queue.submit(fn),
    afterCommit: (callback) => queue.afterCommit(callback),
    close() {
      queue.drainSync();
      sqlite.close();
    },
  };
}
