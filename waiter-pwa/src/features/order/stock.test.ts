import { describe, expect, it } from 'vitest';
import { stockAllows, stockLeft } from './stock';

describe('limited stock on the order screen', () => {
  it('counts what the draft already asks for against what is left', () => {
    expect(stockLeft({ stock_remaining: 3 }, 1)).toBe(2);
    expect(stockLeft({ stock_remaining: 3 }, 5)).toBe(0);
    expect(stockLeft({ stock_remaining: null }, 40)).toBeNull();
  });

  it('lets the draft reach the stock but not pass it', () => {
    expect(stockAllows({ stock_remaining: 3 }, 2, 1)).toBe(true);
    expect(stockAllows({ stock_remaining: 3 }, 3, 1)).toBe(false);
    expect(stockAllows({ stock_remaining: 3 }, 0, 4)).toBe(false);
    expect(stockAllows({ stock_remaining: null }, 500, 1)).toBe(true);
  });
});
