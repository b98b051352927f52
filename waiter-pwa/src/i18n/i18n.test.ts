import { describe, expect, it } from 'vitest';
import { expectSameMessages } from '@tavli/test-kit/translations';
import el from './el.json';
import en from './en.json';
import { detectLanguage, translate, translatePlural } from './i18n';

describe('the app speaks Greek and English', () => {
  it('has every message in both languages', () => {
    expectSameMessages(el, en);
  });

  it("follows the phone's language, Greek when it is neither", () => {
    expect(detectLanguage(['el-GR', 'en-US'])).toBe('el');
    expect(detectLanguage(['en-GB'])).toBe('en');
    expect(detectLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(detectLanguage(['fr-FR'])).toBe('el');
  });

  it('fills in names and counts', () => {
    expect(translate('el', 'order.table', { table: 'Β3' })).toBe('Τραπέζι Β3');
    expect(translatePlural('en', 'status.waiting', 1)).toBe('1 change waiting to be sent');
    expect(translatePlural('el', 'status.waiting', 3)).toBe('3 αλλαγές περιμένουν αποστολή');
  });

  it('calls the send button "Αποστολή" in Greek and "Send" in English', () => {
    expect(translate('el', 'order.send')).toBe('Αποστολή');
    expect(translate('en', 'order.send')).toBe('Send');
  });
});
