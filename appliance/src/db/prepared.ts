import { DummyDriver, Kysely, sql, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type Expression } from 'kysely';
import type { Database, Db, RunResult, Tx } from './database.js';

/** What SQLite binds as one `?`: never a list, whose length would change the SQL. */
type Bindable = string | number | bigint | Buffer | null;
type Bindables<P> = { [K in keyof P]: Bindable };

/** Stand-ins for a prepared query's values, typed like the values themselves. */
export type Params<P extends Bindables<P>> = { readonly [K in keyof P]-?: Expression<P[K]> };

class Slot {
  constructor(readonly name: string) {}
}

// Builds and compiles only: prepared queries run on whichever Db is passed to them.
const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const slots = new Proxy<Record<string, Expression<unknown>>>({}, { get: (_, name) => sql`${new Slot(String(name))}` });

/**
 * A query built and compiled by kysely once, on first use, then run again and again with new
 * values. `build` gets a placeholder for each value (`p.id`), which kysely compiles to `?`; each
 * run binds the values by position, next to any constants the query holds. So the SQL must not
 * depend on the values: `$if`, or an `in` list whose length varies, stays an ordinary db.all/first.
 * A missing value is refused (kysely would have left its column out); so is a list, by better-sqlite3.
 *
 *   const byId = preparedQuery((q, p: Params<{ id: string }>) => q.selectFrom('orders').selectAll().where('id', '=', p.id));
 *   byId.first(db, { id });
 */
export function preparedQuery<P extends Bindables<P>, R>(build: (q: Kysely<Database>, p: Params<P>) => Compilable<R>) {
  let compiled: { sql: string; bind: Array<(params: P) => unknown> } | undefined;
  const prepare = (db: Db, params: P) => {
    compiled ??= compile(build(builder, slots as Params<P>));
    return { statement: db.statement(compiled.sql), values: compiled.bind.map((value) => value(params)) };
  };
  return {
    all(db: Db, params: P): R[] {
      const { statement, values } = prepare(db, params);
      return statement.all(values) as R[];
    },
    first(db: Db, params: P): R | undefined {
      const { statement, values } = prepare(db, params);
      return statement.get(values) as R | undefined;
    },
    /** Writes: only inside db.write. */
    run(tx: Tx, params: P): RunResult {
      const { statement, values } = prepare(tx, params);
      return statement.run(values);
    },
  };
}

function compile<P>(query: Compilable<unknown>) {
  const { sql: text, parameters } = query.compile();
  const bind = parameters.map((parameter) => (parameter instanceof Slot ? slotValue<P>(parameter.name as keyof P) : () => parameter));
  return { sql: text, bind };
}

const slotValue =
  <P>(name: keyof P) =>
  (params: P) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`No value for ${String(name)}`);
    return value;
  };
