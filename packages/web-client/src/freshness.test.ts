import { describe, expect, it } from 'vitest';
import { createFreshness } from './freshness';

type Row = { id: number; state: string };
const byId = (row: Row) => row.id;

describe('a list kept fresh by GETs and live events', () => {
  it('keeps a table closed when the event came while a slower GET still said it was paid', () => {
    const freshness = createFreshness<number>();
    const token = freshness.start();
    freshness.touch(5);
    const current = [{ id: 5, state: 'available' }];
    const merged = freshness.merge(
      token,
      [
        { id: 5, state: 'paid' },
        { id: 6, state: 'open' },
      ],
      current,
      byId,
    );
    expect(merged).toEqual([
      { id: 6, state: 'open' },
      { id: 5, state: 'available' },
    ]);
  });

  it('ignores a GET that a later GET superseded, and forgets a removed row the GET still had', () => {
    const freshness = createFreshness<number>();
    const first = freshness.start();
    const second = freshness.start();
    expect(freshness.merge(first, [{ id: 1, state: 'paid' }], [], byId)).toBeUndefined();
    freshness.touch(1);
    expect(freshness.merge(second, [{ id: 1, state: 'open' }], [], byId)).toEqual([]);
  });
});
