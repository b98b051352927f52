import { useMemo } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import el from './el.json';
import en from './en.json';

export type MessageKey = keyof typeof el;
export type Language = 'el' | 'en';
export type Params = Record<string, string | number>;
/** Keys that come as `_one` / `_other` pairs, used through `count`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;

/** English must carry every Greek key (the compiler checks; a test checks the other way). */
const dictionaries: Record<Language, Record<MessageKey, string>> = { el, en };

/** The phone's language when it is Greek or English; Greek otherwise (the house language). */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'el' || base === 'en') return base;
  }
  return 'el';
}

export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const template = dictionaries[language][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translatePlural(language: Language, key: PluralKey, count: number, params: Params = {}): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return translate(language, `${key}_${form}` as MessageKey, { count, ...params });
}

type LanguageState = { language: Language; chosen: boolean; setLanguage(language: Language): void };

const navigatorLanguages = () => (typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]);

/** Follows the phone until the waiter picks a language, which is then remembered. */
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

export type Translate = ((key: MessageKey, params?: Params) => string) & {
  plural(key: PluralKey, count: number, params?: Params): string;
  language: Language;
};

export function useT(): Translate {
  const language = useLanguage((state) => state.language);
  return useMemo(
    () =>
      Object.assign((key: MessageKey, params?: Params) => translate(language, key, params), {
        plural: (key: PluralKey, count: number, params?: Params) => translatePlural(language, key, count, params),
        language,
      }),
    [language],
  );
}
