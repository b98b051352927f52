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

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** An app's own strings: every key in both languages, each with the same placeholders. */
export function expectSameMessages(el: Record<string, string>, en: Record<string, string>): void {
  expect(Object.keys(en).sort()).toEqual(Object.keys(el).sort());
  for (const [key, text] of Object.entries(en)) expect(placeholders(text), key).toEqual(placeholders(el[key] ?? ''));
}
