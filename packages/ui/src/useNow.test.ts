import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './useNow';

describe('"open for 35 min" keeps counting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('moves the clock on every interval while the screen is shown', () => {
    const { result } = renderHook(() => useNow(30_000));
    const start = result.current;
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(result.current - start).toBe(30_000);
  });
});
