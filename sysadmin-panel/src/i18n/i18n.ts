import { createTranslator, sharedStrings, type Language, type Translate as TranslateOf } from '@tavli/i18n/i18n';
import el from './el.json';
import en from './en.json';

export { useLanguage, type Language } from '@tavli/i18n/i18n';

const dictionaries = { el: { ...sharedStrings.el, ...el }, en: { ...sharedStrings.en, ...en } } satisfies Record<Language, Record<string, string>>;

export type MessageKey = keyof typeof dictionaries.el;
export type Translate = TranslateOf<MessageKey>;

/** The panel's strings and the shared ones; English unless the admin picks Greek. */
export const { translate, useT } = createTranslator<MessageKey>(dictionaries);
