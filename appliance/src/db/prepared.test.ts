import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import { migrateToLatest } from './migrator.js';
import { preparedQuery, type Params } from './prepared.js';

const activeUser = preparedQuery((q, p: Params<{ id: number }>) =>
  q.selectFrom('users').select(['id', 'username']).where('id', '=', p.id).where('is_active', '=', 1),
);

const addUser = preparedQuery((q, p: Params<{ username: string; active: number }>) =>
  q.insertInto('users').values({ username: p.username, full_name: p.username, pin_hash: 'x', role: 'waiter', is_active: p.active }),
);

describe('a prepared query', () => {
  let dir: string;
  const dbs: Db[] = [];
  const freshDb = async () => {
    const db = openDatabase(path.join(dir, `${dbs.length}.db`));
    dbs.push(db);
    await migrateToLatest(db);
    return db;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-prepared-'));
  });
  afterEach(() => {
    dbs.splice(0).forEach((db) => db.close());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers each run with the rows for its own values, constants still applied', async () => {
    const db = await freshDb();
    const ids = await db.write((tx) =>
      ['anna', 'petros', 'gone'].map((username) => Number(addUser.run(tx, { username, active: username === 'gone' ? 0 : 1 }).lastInsertRowid)),
    );
    expect(ids.map((id) => activeUser.first(db, { id })?.username)).toEqual(['anna', 'petros', undefined]);
  });

  it('binds a value used twice, and runs on every database it is given', async () => {
    const namesake = preparedQuery((q, p: Params<{ name: string }>) =>
      q
        .selectFrom('users')
        .select('username')
        .where((eb) => eb.or([eb('username', '=', p.name), eb('full_name', '=', p.name)])),
    );
    const [first, second] = [await freshDb(), await freshDb()];
    await first.write((tx) => addUser.run(tx, { username: 'anna', active: 1 }));
    await second.write((tx) => addUser.run(tx, { username: 'petros', active: 1 }));
    expect(namesake.all(first, { name: 'anna' })).toEqual([{ username: 'anna' }]);
    expect(namesake.all(second, { name: 'anna' })).toEqual([]);
    expect(namesake.all(second, { name: 'petros' })).toEqual([{ username: 'petros' }]);
  });

  it('builds and compiles its query once, however often it runs', async () => {
    const db = await freshDb();
    let builds = 0;
    const byName = preparedQuery((q, p: Params<{ name: string }>) => {
      builds++;
      return q.selectFrom('users').select('id').where('username', '=', p.name);
    });
    for (const name of ['a', 'b', 'c']) byName.first(db, { name });
    expect(builds).toBe(1);
  });

  it('refuses a value that would change the SQL (a list) or is missing, rather than run another query', async () => {
    const db = await freshDb();
    // @ts-expect-error a list is no value for one `?`
    expect(() => activeUser.first(db, { id: [1, 2] })).toThrow(TypeError);
    // @ts-expect-error every value is needed
    expect(() => activeUser.first(db, {})).toThrow(TypeError);
  });
});
