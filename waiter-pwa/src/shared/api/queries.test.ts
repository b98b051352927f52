import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSnapshot, saveSnapshot } from '../cache';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh app start: the module's cache is empty until restored. */
const startApp = async () => {
  vi.resetModules();
  return import('./queries');
};

describe('the offline copy of the appliance’s answers', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('opens the next start with the last answers, but forgets an order no screen showed for a day', async () => {
    const first = await startApp();
    const stop = first.keepQueriesOnPhone();
    first.queryCache.setQueryData(['order', 'yesterday'], { id: 'yesterday' });
    vi.advanceTimersByTime(DAY_MS + 1);
    first.queryCache.setQueryData(['tables'], [{ id: 1, label: '1' }]);
    vi.advanceTimersByTime(1000);
    stop();
    expect(first.queryCache.getQueryData(['order', 'yesterday'])).toBeUndefined();
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await loadSnapshot<string>('queries')).toContain('"label":"1"'));

    const next = await startApp();
    await next.restoreQueries();
    expect(next.queryCache.getQueryData(['tables'])).toEqual([{ id: 1, label: '1' }]);
    expect(next.queryCache.getQueryData(['order', 'yesterday'])).toBeUndefined();
  });

  it('is not restored when older than a week, or written by an app whose answers had another shape', async () => {
    const answers = [{ key: ['tables'], data: ['old'], updatedAt: 1 }];
    const app = await startApp();
    await saveSnapshot('queries', JSON.stringify({ buster: 'api-2', timestamp: Date.now() - app.PERSISTED_MAX_AGE_MS - 1, answers }));
    await app.restoreQueries();
    expect(app.queryCache.getQueryData(['tables'])).toBeUndefined();
    await saveSnapshot('queries', JSON.stringify({ buster: 'api-1', timestamp: Date.now(), clientState: { queries: [] } }));
    await app.restoreQueries();
    expect(app.queryCache.getQueryData(['tables'])).toBeUndefined();
    await saveSnapshot('queries', JSON.stringify({ buster: 'api-2', timestamp: Date.now(), answers }));
    await app.restoreQueries();
    expect(app.queryCache.getQueryData(['tables'])).toEqual(['old']);
  });
});
