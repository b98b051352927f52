import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db, type Tx } from './database.js';

/** The group commit on a real SQLite file, with a table of its own. */
describe('the write queue: one fsync for many writes, and nothing answered that is not on disk', () => {
  let dir: string;
  let db: Db;
  const note = (tx: Tx, text: string) => tx.sqlite.prepare('INSERT INTO notes (text) VALUES (?)').run(text);
  const onDisk = () => (db.sqlite.prepare('SELECT text FROM notes ORDER BY id').all() as Array<{ text: string }>).map((row) => row.text);
  const settle = <T>(promises: Array<Promise<T>>) => Promise.allSettled(promises);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-queue-'));
    db = openDatabase(path.join(dir, 'queue.db'));
    db.sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits writes that arrive together with one COMMIT', async () => {
    const before = { ...db.writeStats };
    await Promise.all(Array.from({ length: 25 }, (_, i) => db.write((tx) => note(tx, `note ${i}`))));
    expect(db.writeStats.commits - before.commits).toBe(1);
    expect(db.writeStats.writes - before.writes).toBe(25);
    expect(onDisk()).toHaveLength(25);
  });

  it('rolls back only the write that failed: its neighbours are committed and its after-commit work never runs', async () => {
    const ran: string[] = [];
    const results = await settle([
      db.write((tx) => {
        note(tx, 'first');
        tx.afterCommit(() => ran.push('first'));
      }),
      db.write((tx) => {
        note(tx, 'failing');
        tx.afterCommit(() => ran.push('failing'));
        throw new Error('refused');
      }),
      db.write((tx) => {
        note(tx, 'third');
        tx.afterCommit(() => ran.push('third'));
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(onDisk()).toEqual(['first', 'third']);
    expect(ran).toEqual(['first', 'third']);
  });

  it('when SQLite rolls the whole transaction back, rejects exactly the writes that ran in it and commits the rest afresh', async () => {
    const ran: string[] = [];
    const write = (text: string) =>
      db.write((tx) => {
        note(tx, text);
        tx.afterCommit(() => ran.push(text));
        return text;
      });
    const results = await settle([
      write('before 1'),
      write('before 2'),
      db.write((tx) => {
        note(tx, 'doomed');
        // What SQLITE_FULL or SQLITE_IOERR may do: the whole transaction is gone, not just this statement.
        tx.sqlite.exec('ROLLBACK');
        return 'doomed';
      }),
      write('after 1'),
      write('after 2'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ status: 503, code: 'write_failed' });
    expect(onDisk()).toEqual(['after 1', 'after 2']);
    expect(ran).toEqual(['after 1', 'after 2']);
    expect(db.sqlite.inTransaction).toBe(false);
  });

  it('answers every write as the disk has it when the database runs out of space mid-group', async () => {
    const pages = db.sqlite.pragma('page_count', { simple: true }) as number;
    db.sqlite.pragma(`max_page_count = ${pages + 2}`);
    const texts = Array.from({ length: 12 }, (_, i) => `${i} ${'x'.repeat(3000)}`);
    const results = await settle(texts.map((text) => db.write((tx) => (note(tx, text), text))));
    const stored = new Set(onDisk());
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    results.forEach((result, i) => expect(result.status === 'fulfilled').toBe(stored.has(texts[i]!)));
    expect(db.sqlite.inTransaction).toBe(false);
  });

  it('refuses an async callback at compile time: code after an await would run outside the transaction', async () => {
    /* eslint-disable no-restricted-syntax -- the lint rule and the type refuse the same thing; this checks the type */
    // @ts-expect-error a write's callback cannot return a promise
    const refused = () => db.write(async (tx) => note(tx, 'late'));
    /* eslint-enable no-restricted-syntax */
    expect(typeof refused).toBe('function');
    expect(await db.write(() => 42)).toBe(42);
  });
});
