import { describe, expect, it } from 'vitest';
import { liveList } from './live-list';
import { answerAsOf, unwrap } from './query';

type Row = { id: number; name: string };

/** The part of a query cache a live list uses, over a plain map. */
function mapCache() {
  const data = new Map<string, unknown>();
  return { getQueryData: (key: readonly [string]) => data.get(key[0]), setQueryData: (key: readonly [string], rows: unknown) => data.set(key[0], rows) };
}

describe('how current an answer is', () => {
  it('is what the appliance said with it, and unknown when it did not say', async () => {
    const said = await unwrap(Promise.resolve({ ok: true as const, status: 200, data: [{ id: 1 }], asOf: 41 }));
    const silent = await unwrap(Promise.resolve({ ok: true as const, status: 200, data: [{ id: 1 }] }));
    expect(answerAsOf(said)).toBe(41);
    expect(answerAsOf(silent)).toBeUndefined();
    expect(answerAsOf(undefined)).toBeUndefined();
  });

  it('stays with a live list through its sorting and through live events', async () => {
    const cache = mapCache();
    const fetched = [
      { id: 2, name: 'Β' },
      { id: 1, name: 'Α' },
    ];
    const list = liveList<Row>(
      cache,
      'tables',
      () => unwrap(Promise.resolve({ ok: true as const, status: 200, data: fetched, asOf: 7 })),
      (a, b) => a.id - b.id,
    );
    cache.setQueryData(list.query.queryKey, await list.query.queryFn());
    expect(answerAsOf(cache.getQueryData(list.query.queryKey))).toBe(7);
    list.apply({ id: 3, name: 'Γ' });
    list.remove(1);
    expect(cache.getQueryData(list.query.queryKey)).toEqual([
      { id: 2, name: 'Β' },
      { id: 3, name: 'Γ' },
    ]);
    expect(answerAsOf(cache.getQueryData(list.query.queryKey))).toBe(7);
  });
});
