import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import feature code.
const up001 = [
  `CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name TEXT NOT NULL,
    pin_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('waiter','manager','admin')),
    is_active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  )`,
  `CREATE TABLE assistant_assignments (
    waiter_id INTEGER NOT NULL REFERENCES users(id),
    assistant_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (waiter_id, assistant_id),
    CHECK (waiter_id <> assistant_id)
  )`,
  `CREATE TABLE table_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    is_active INTEGER NOT NULL DEFAULT 1
  )`,
  `CREATE TABLE tables (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES table_groups(id),
    sort_order INTEGER NOT NULL DEFAULT 0,
    is_active INTEGER NOT NULL DEFAULT 1
  )`,
  `CREATE UNIQUE INDEX tables_active_label ON tables(label) WHERE is_active = 1`,
  `CREATE TABLE printers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    ip_address TEXT NOT NULL,
    port INTEGER NOT NULL DEFAULT 9100,
    is_active INTEGER NOT NULL DEFAULT 1,
    code_page INTEGER NOT NULL DEFAULT 29,
    encoding TEXT NOT NULL DEFAULT 'cp737',
    columns INTEGER NOT NULL DEFAULT 48,
    fallback_printer_id INTEGER REFERENCES printers(id),
    is_bill_printer INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '#888888',
    sort_order INTEGER NOT NULL DEFAULT 0,
    vat_rate_bp INTEGER NOT NULL DEFAULT 1300 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    is_deleted INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    vat_rate_bp INTEGER CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    is_available INTEGER NOT NULL DEFAULT 1,
    printer_id INTEGER REFERENCES printers(id),
    image_path TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0,
    stock_remaining INTEGER CHECK (stock_remaining >= 0),
    is_deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  )`,
  `CREATE INDEX products_category ON products(category_id)`,
  `CREATE TABLE product_options (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    extra_cost_cents INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX product_options_product ON product_options(product_id)`,
  `CREATE TABLE product_ingredients (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX product_ingredients_product ON product_ingredients(product_id)`,
  `CREATE TABLE product_preference_sets (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    is_required INTEGER NOT NULL DEFAULT 1,
    sort_order INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX product_preference_sets_product ON product_preference_sets(product_id)`,
  `CREATE TABLE product_preference_choices (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES product_preference_sets(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    price_delta_cents INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX product_preference_choices_set ON product_preference_choices(set_id)`,
  `CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id),
    status TEXT NOT NULL CHECK (status IN ('open','partially_paid','paid','closed','cancelled')),
    opened_by INTEGER NOT NULL REFERENCES users(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    closed_by INTEGER REFERENCES users(id),
    close_reason TEXT,
    merged_into TEXT REFERENCES orders(id)
  )`,
  `CREATE UNIQUE INDEX orders_one_active_per_table ON orders(table_id)
    WHERE status IN ('open','partially_paid','paid')`,
  `CREATE INDEX orders_opened_at ON orders(opened_at)`,
  `CREATE TABLE order_waiters (
    order_id TEXT NOT NULL REFERENCES orders(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (order_id, user_id)
  )`,
  `CREATE INDEX order_waiters_user ON order_waiters(user_id)`,
  `CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders(id),
    method TEXT NOT NULL CHECK (method IN ('cash','card','other')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    tip_cents INTEGER NOT NULL DEFAULT 0 CHECK (tip_cents >= 0),
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX payments_order ON payments(order_id)`,
  `CREATE INDEX payments_created_at ON payments(created_at)`,
  `CREATE TABLE order_items (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    order_id TEXT NOT NULL REFERENCES orders(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL,
    vat_rate_bp INTEGER NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',
    preferences TEXT NOT NULL DEFAULT '[]',
    removed_ingredients TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending','sent','paid','void')),
    printer_id INTEGER REFERENCES printers(id),
    split_from TEXT REFERENCES order_items(id),
    payment_id TEXT REFERENCES payments(id),
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    void_reason TEXT,
    voided_by INTEGER REFERENCES users(id),
    voided_at TEXT
  )`,
  `CREATE INDEX order_items_order ON order_items(order_id, seq)`,
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    user_id INTEGER,
    action TEXT NOT NULL,
    entity TEXT,
    entity_id TEXT,
    details TEXT NOT NULL DEFAULT '{}'
  )`,
  `CREATE INDEX audit_log_at ON audit_log(at)`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TABLE idempotency_keys (
    user_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
  )`,
  `CREATE INDEX idempotency_keys_created_at ON idempotency_keys(created_at)`,
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  )`,
];

const down001 = [
  'settings',
  'idempotency_keys',
  'audit_log',
  'order_items',
  'payments',
  'order_waiters',
  'orders',
  'product_preference_choices',
  'product_preference_sets',
  'product_ingredients',
  'product_options',
  'products',
  'categories',
  'printers',
  'tables',
  'table_groups',
  'assistant_assignments',
  'users',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up001) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of down001) await sql.raw(`DROP TABLE ${table}`).execute(db);
}
