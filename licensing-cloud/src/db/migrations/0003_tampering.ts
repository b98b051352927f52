import type { Kysely } from 'kysely';

// When a site's appliance last reported a licence older than the cloud had already issued it.
// Frozen in time: this file must never import feature code. Portable types only.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sites').addColumn('tampering_suspected_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('tampering_suspected_at').execute();
}
