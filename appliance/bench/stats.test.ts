import { describe, expect, it } from 'vitest';
import { percentile, summarise } from './stats.js';

describe('benchmark percentiles', () => {
  it('reports the nearest-rank value, so a p99 is a latency someone actually waited', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(summarise([3, 1, 2])).toEqual({ count: 3, p50: 2, p90: 3, p99: 3, max: 3 });
  });

  it('says nothing rather than zero when there was no request', () => {
    expect(Number.isNaN(summarise([]).p99)).toBe(true);
  });
});
