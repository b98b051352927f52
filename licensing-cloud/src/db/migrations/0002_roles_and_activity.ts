import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Admin roles, a second factor (TOTP), sessions that end on the server, the admin activity log, heartbeats' lock state, and the sites list's indexes.
// Frozen in time: this file must never import feature code. Portable types only.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Updates and deletes are refused with an error on both databases: the activity log is append-only. */
async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`)
      .execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
    return;
  }
  for (const event of ['UPDATE', 'DELETE']) {
    await sql
      .raw(`CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
      .execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Admins there before roles keep everything they could do.
  await db.schema
    .alterTable('admins')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('owner'))
    .execute();
  // Signing out (or a password change) moves it on, and every token carrying the old one stops working.
  await db.schema
    .alterTable('admins')
    .addColumn('session_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // A second factor: a TOTP secret (enabled once a first code is verified), the last time step
  // used (a code is never accepted twice) and the hashes of single-use recovery codes.
  await db.schema.alterTable('admins').addColumn('totp_secret', 'text').execute();
  await db.schema
    .alterTable('admins')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('admins').addColumn('totp_last_step', 'bigint').execute();
  await db.schema
    .alterTable('admins')
    .addColumn('recovery_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('admin_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('admin_id', 'text')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('admin_activity_at').on('admin_activity').columns(['at', 'id']).execute();
  await db.schema.createIndex('admin_activity_admin').on('admin_activity').columns(['admin_id', 'at']).execute();
  await appendOnly(db, 'admin_activity');

  // Whether the site was locked when it beat: its history says ok, locked or wrong key.
  await db.schema
    .alterTable('site_heartbeats')
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // The sites list pages by name or by licence end.
  await db.schema.createIndex('sites_name').on('sites').columns(['name', 'id']).execute();
  await db.schema.createIndex('sites_expiry').on('sites').columns(['license_expires_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sites_expiry').execute();
  await db.schema.dropIndex('sites_name').execute();
  await db.schema.alterTable('site_heartbeats').dropColumn('locked').execute();
  await db.schema.dropTable('admin_activity').execute();
  if (isPostgres(db)) await sql.raw('DROP FUNCTION admin_activity_append_only()').execute(db);
  for (const column of ['recovery_codes', 'totp_last_step', 'totp_enabled', 'totp_secret', 'session_version'])
    await db.schema.alterTable('admins').dropColumn(column).execute();
  await db.schema.alterTable('admins').dropColumn('role').execute();
}
