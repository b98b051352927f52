import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { summarise, type LatencySummary } from './stats.js';

/** `commit` is each transaction's own duration: the floor under any durable write's latency. */
export type Ceiling = { transactions: number; seconds: number; perSecond: number; commit: LatencySummary };

/**
 * The disk's durable-write ceiling: single-row INSERT transactions, one after another, in a
 * WAL database with synchronous=FULL (as the appliance runs), so each commit waits for fsync.
 */
export function measureDurableWriteCeiling(dir: string, options: { durationMs?: number; maxTransactions?: number } = {}): Ceiling {
  const durationMs = options.durationMs ?? 3_000;
  const maxTransactions = options.maxTransactions ?? 1_000_000;
  const db = new BetterSqlite3(path.join(dir, 'ceiling.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY, at REAL NOT NULL, payload TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO writes (at, payload) VALUES (?, ?)');
    const payload = 'x'.repeat(200);
    const started = performance.now();
    const end = started + durationMs;
    let transactions = 0;
    const durations: number[] = [];
    let now = started;
    while (now < end && transactions < maxTransactions) {
      insert.run(now, payload); // autocommit: one transaction, one durable commit
      transactions++;
      const before = now;
      now = performance.now();
      durations.push(now - before);
    }
    const seconds = (now - started) / 1000;
    return { transactions, seconds, perSecond: transactions / seconds, commit: summarise(durations) };
  } finally {
    db.close();
  }
}
