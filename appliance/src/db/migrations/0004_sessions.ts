import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import feature code.

/** A user's sessions end when this changes (a PIN reset, a new role, deactivation): tokens carry the version they were made with. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE users DROP COLUMN token_version').execute(db);
}
