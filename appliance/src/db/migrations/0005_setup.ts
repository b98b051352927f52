import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import feature code.

/** An appliance that already has staff was set up before the setup wizard existed: its wizard stays closed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `INSERT INTO settings (key, value) SELECT 'setup_finished_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE EXISTS (SELECT 1 FROM users) ON CONFLICT (key) DO NOTHING`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DELETE FROM settings WHERE key = 'setup_finished_at'`).execute(db);
}
