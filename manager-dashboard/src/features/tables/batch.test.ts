import { describe, expect, it } from 'vitest';
import { parseBatch } from './batch';

describe('creating tables in a batch', () => {
  it('reads the ways a manager writes a run of tables', () => {
    expect(parseBatch('Β1–Β8')).toEqual({ prefix: 'Β', from: 1, count: 8 });
    expect(parseBatch('Β1-8')).toEqual({ prefix: 'Β', from: 1, count: 8 });
    expect(parseBatch('Κ 10 - 14')).toEqual({ prefix: 'Κ', from: 10, count: 5 });
    expect(parseBatch('21-30')).toEqual({ prefix: '', from: 21, count: 10 });
  });

  it('refuses a backwards run, two prefixes, or more than 200 tables', () => {
    expect(parseBatch('Β8–Β1')).toBeUndefined();
    expect(parseBatch('Β1–Κ8')).toBeUndefined();
    expect(parseBatch('1-500')).toBeUndefined();
    expect(parseBatch('Β')).toBeUndefined();
  });
});
