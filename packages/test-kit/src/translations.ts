import el from '@tavli/i18n/shared.el.json' with { type: 'json' };
import en from '@tavli/i18n/shared.en.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';

/** A service's test that every error code it can answer has a Greek and an English translation. */
export function describeErrorTranslations(codes: readonly string[]): void {
  describe('every refusal can be told in Greek and English', () => {
    it.each([...codes])('translates %s in the shared strings', (code) => {
      expect(el).toHaveProperty([`errors.${code}`]);
      expect(en).toHaveProperty([`errors.${code}`]);
    });
  });
}
