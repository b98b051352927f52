import el from '@tavli/i18n/shared.el.json' with { type: 'json' };
import en from '@tavli/i18n/shared.en.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';

describe('every refusal can be told in Greek and English', () => {
  it.each([...ERROR_CODES])('translates %s in the shared strings', (code) => {
    expect(el).toHaveProperty([`errors.${code}`]);
    expect(en).toHaveProperty([`errors.${code}`]);
  });
});
