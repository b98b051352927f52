import { describe, expect, it } from 'vitest';
import { detectLanguage, errorText, sharedStrings } from './i18n';

const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the shared strings speak Greek and English', () => {
  it('has every shared message in both languages, with the same placeholders', () => {
    expect(Object.keys(sharedStrings.en).sort()).toEqual(Object.keys(sharedStrings.el).sort());
    for (const [key, text] of Object.entries(sharedStrings.en)) {
      expect(placeholders(text), key).toEqual(placeholders(sharedStrings.el[key as keyof typeof sharedStrings.el]));
    }
  });

  it("follows the device's language, Greek when it is neither", () => {
    expect(detectLanguage(['el-GR', 'en-US'])).toBe('el');
    expect(detectLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(detectLanguage(['fr-FR'])).toBe('el');
  });

  it("says a server error in the reader's language, and the server's words for a code it does not know", () => {
    expect(errorText('el', 'table_occupied', 'This table already has an open order')).toBe('Το τραπέζι είναι ήδη πιασμένο.');
    expect(errorText('en', 'table_occupied', 'x')).toBe('This table is already taken.');
    expect(errorText('en', 'something_new', 'The server says why')).toBe('The server says why');
  });
});
