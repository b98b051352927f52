import { describe, expect, it } from 'vitest';
import { expectSameMessages } from '@tavli/test-kit/translations';
import el from './el.json';
import en from './en.json';
import { translate } from './i18n';

describe('the panel speaks English and Greek', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expectSameMessages(el, en);
  });

  it('names the actions by their verbs in both languages', () => {
    const keys = ['site.lock', 'site.unlock', 'site.rotate', 'site.extend', 'site.deregister'] as const;
    expect(keys.map((key) => translate('en', key))).toEqual(['Lock', 'Unlock', 'Rotate key', 'Extend', 'Deregister']);
    expect(keys.map((key) => translate('el', key))).toEqual(['Κλείδωμα', 'Ξεκλείδωμα', 'Νέο κλειδί', 'Παράταση', 'Διαγραφή']);
  });
});
