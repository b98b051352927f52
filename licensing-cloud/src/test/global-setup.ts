/** Says once, before the run, that the PostgreSQL half of every suite will be skipped. */
export default function announceSkippedPostgres(): void {
  if (process.env.TEST_DATABASE_URL) return;
  console.warn(
    '\nTEST_DATABASE_URL is not set: every PostgreSQL variant is SKIPPED (SQLite only).\n' +
      'Run them with: export TEST_DATABASE_URL="$(bash licensing-cloud/scripts/start-test-postgres.sh)"\n',
  );
}
