import { useMemo } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import sharedEl from './shared.el.json';
import sharedEn from './shared.en.json';

export type Language = 'el' | 'en';
export type Params = Record<string, string | number>;
/** Keys that come as `_one` / `_other` pairs, used through `plural`. */
export type PluralKeyOf<K extends string> = K extends `${infer Base}_one` ? Base : never;

/** Strings every front end shares: common words, staff sign-in, and every server error code (`errors.<code>`). */
export const sharedStrings = { el: sharedEl, en: sharedEn };
export type SharedKey = keyof typeof sharedEl;

/** The device's language when it is Greek or English; Greek otherwise (the house language). */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'el' || base === 'en') return base;
  }
  return 'el';
}

type LanguageState = { language: Language; chosen: boolean; setLanguage(language: Language): void };

const navigatorLanguages = () => (typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]);

/** Follows the device until someone picks a language, which is then remembered. */
export const useLanguage = create<LanguageState>()(
  persist(
    (set) => ({
      language: detectLanguage(navigatorLanguages()),
      chosen: false,
      setLanguage: (language) => set({ language, chosen: true }),
    }),
    {
      name: 'tavli.language',
      merge: (persisted, current) => {
        const saved = persisted as Partial<LanguageState> | undefined;
        return saved?.chosen && saved.language ? { ...current, language: saved.language, chosen: true } : current;
      },
    },
  ),
);

export type Translate<K extends string> = ((key: K, params?: Params) => string) & {
  plural(key: PluralKeyOf<K>, count: number, params?: Params): string;
  language: Language;
};

/**
 * An app's translator over its own strings and the shared ones. English must carry every Greek
 * key (the compiler checks); a test in each app checks the other way.
 */
export function createTranslator<K extends string>(dictionaries: Record<Language, Record<K, string>>) {
  const translate = (language: Language, key: K, params: Params = {}): string =>
    dictionaries[language][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));

  const translatePlural = (language: Language, key: PluralKeyOf<K>, count: number, params: Params = {}): string => {
    const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
    return translate(language, `${key}_${form}` as K, { count, ...params });
  };

  function useT(): Translate<K> {
    const language = useLanguage((state) => state.language);
    return useMemo(
      () =>
        Object.assign((key: K, params?: Params) => translate(language, key, params), {
          plural: (key: PluralKeyOf<K>, count: number, params?: Params) => translatePlural(language, key, count, params),
          language,
        }),
      [language],
    );
  }

  return { translate, translatePlural, useT };
}

/** The shared strings alone, for the shared components. */
export const shared = createTranslator<SharedKey>(sharedStrings);

/** A server error in the reader's language: its code's translation, or the server's own message for a code this build does not know. */
export function errorText(language: Language, code: string, fallback: string): string {
  const key = `errors.${code}`;
  return key in sharedStrings[language] ? shared.translate(language, key as SharedKey) : fallback;
}
