import { describe, expect, it } from 'vitest';
import { expectSameMessages } from '@tavli/test-kit/translations';
import el from './el.json';
import en from './en.json';
import { translate } from './i18n';

describe('the dashboard speaks Greek and English', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expectSameMessages(el, en);
  });

  it('names the screens as a Greek manager and an English one would look for them', () => {
    expect(['nav.floor', 'nav.menu', 'nav.staff', 'nav.printers', 'nav.reports'].map((key) => translate('el', key as 'nav.floor'))).toEqual([
      'Τραπέζια',
      'Μενού',
      'Προσωπικό',
      'Εκτυπωτές',
      'Αναφορές',
    ]);
    expect(translate('en', 'nav.floor')).toBe('Floor');
    expect(translate('el', 'floor.state.partially_paid')).toBe('Μερικώς πληρωμένο');
  });
});
