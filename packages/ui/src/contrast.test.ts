import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from './contrast';

// The demo menu's category colours.
const CATEGORIES = ['#e07a5f', '#81b29a', '#3d405b', '#a44a3f', '#f2cc8f', '#6f4e37', '#118ab2', '#7b2d43'];

describe('text on a colour the restaurant picked', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#f2cc8f', '#ffffff')).toBeCloseTo(1.52, 2);
  });

  it('reads at AA (4.5:1) on every demo category colour', () => {
    for (const colour of CATEGORIES) expect(contrastRatio(colour, readableTextOn(colour)), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('reads at AA (4.5:1) on every colour a picker can produce, sampled on a grid of the 24-bit cube', () => {
    const hex = (value: number) => value.toString(16).padStart(2, '0');
    const levels = [...Array.from({ length: 52 }, (_, i) => i * 5), 255];
    let worst = 21;
    for (const r of levels)
      for (const g of levels)
        for (const b of levels) {
          const colour = `#${hex(r)}${hex(g)}${hex(b)}`;
          worst = Math.min(worst, contrastRatio(colour, readableTextOn(colour)));
        }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('falls back to white for a colour it cannot read', () => {
    expect(readableTextOn('teal')).toBe('#ffffff');
  });
});
