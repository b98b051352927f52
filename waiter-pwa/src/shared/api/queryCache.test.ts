import { describe, expect, it } from 'vitest';
import { ApiError } from '@tavli/web-client/query';
import { retryNetworkFailures } from '@tavli/web-client/query';
import { createQueryCache } from './queryCache';

const offline = () => new ApiError({ kind: 'network', message: 'offline' });
const refused = () => new ApiError({ kind: 'http', status: 404, code: 'not_found', message: 'no such order' });

/** A queryFn whose answers the test hands out one by one, counting the asks. */
function answers<T>() {
  const pending: { resolve(value: T): void; reject(error: unknown): void }[] = [];
  return {
    asks: () => pending.length,
    queryFn: () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })),
    answer: (index: number, value: T) => pending[index]!.resolve(value),
    fail: (index: number, error: unknown) => pending[index]!.reject(error),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const newCache = () => createQueryCache({ retry: retryNetworkFailures, retryDelay: () => 0 });

describe('the waiter app’s query cache', () => {
  it('asks once when two screens show the same list at once, and both get the answer', async () => {
    const cache = newCache();
    const server = answers<string[]>();
    cache.observe({ queryKey: ['tables'], queryFn: server.queryFn });
    cache.observe({ queryKey: ['tables'], queryFn: server.queryFn });
    expect(server.asks()).toBe(1);
    server.answer(0, ['1', '2']);
    await cache.whenIdle();
    expect(cache.state(['tables']).data).toEqual(['1', '2']);
    cache.observe({ queryKey: ['tables'], queryFn: server.queryFn });
    expect(server.asks()).toBe(1);
  });

  it('asks again after an answer that was on its way when the order changed, and keeps the later answer', async () => {
    const cache = newCache();
    const server = answers<{ total: number }>();
    cache.observe({ queryKey: ['order', 'a'], queryFn: server.queryFn });
    void cache.invalidate(['order', 'a']);
    expect(server.asks()).toBe(1);
    server.answer(0, { total: 100 });
    await settle();
    expect(server.asks()).toBe(2);
    server.answer(1, { total: 250 });
    await cache.whenIdle();
    expect(cache.getQueryData(['order', 'a'])).toEqual({ total: 250 });
  });

  it('retries a request the network lost twice, then shows the failure beside the last answer', async () => {
    const cache = newCache();
    let asks = 0;
    const failing = async () => {
      asks += 1;
      if (asks === 1) return ['Φάβα'];
      throw offline();
    };
    const release = cache.observe({ queryKey: ['products'], queryFn: failing });
    await cache.whenIdle();
    void cache.invalidate(['products']);
    await cache.whenIdle();
    expect(asks).toBe(4);
    expect(cache.state(['products'])).toMatchObject({ data: ['Φάβα'], error: expect.any(ApiError) });
    release();
  });

  it('does not retry what the appliance refused', async () => {
    const cache = newCache();
    let asks = 0;
    cache.observe({
      queryKey: ['order', 'gone'],
      queryFn: async () => {
        asks += 1;
        throw refused();
      },
    });
    await cache.whenIdle();
    expect(asks).toBe(1);
    expect((cache.state(['order', 'gone']).error as ApiError).failure.kind).toBe('http');
  });

  it('asks again at once for what a screen shows, and for the rest only when shown again', async () => {
    const cache = newCache();
    let asks = { shown: 0, hidden: 0 };
    const shown = { queryKey: ['order', 'shown'] as const, queryFn: async () => ++asks.shown };
    const hidden = { queryKey: ['order', 'hidden'] as const, queryFn: async () => ++asks.hidden };
    cache.observe(shown);
    cache.observe(hidden)();
    await cache.whenIdle();
    asks = { shown: 0, hidden: 0 };
    await cache.invalidate(['order']);
    expect(asks).toEqual({ shown: 1, hidden: 0 });
    cache.observe(hidden);
    await cache.whenIdle();
    expect(asks).toEqual({ shown: 1, hidden: 1 });
  });

  it('tells watchers of a key, and only of that key, when its answer changes', () => {
    const cache = newCache();
    const seen: string[] = [];
    cache.watch(['tables'], () => seen.push('tables'));
    cache.subscribe((key) => seen.push(`any:${key[0]}`));
    cache.setQueryData(['tables'], []);
    cache.setQueryData(['products'], []);
    expect(seen).toEqual(['tables', 'any:tables', 'any:products']);
  });

  it('does not let a copy from the phone replace a newer answer', () => {
    const cache = newCache();
    cache.setQueryData(['tables'], ['fresh']);
    cache.restore([
      { key: ['tables'], data: ['kept'], updatedAt: 1 },
      { key: ['products'], data: ['kept'], updatedAt: 1 },
    ]);
    expect(cache.getQueryData(['tables'])).toEqual(['fresh']);
    expect(cache.getQueryData(['products'])).toEqual(['kept']);
  });
});
