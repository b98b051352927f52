import { useMemo } from 'react';
import { useLanguage } from '../i18n/i18n';

const locales = { el: 'el-GR', en: 'en-GB' } as const;

/** Dates in the admin's own time zone and language; "3 h ago" beside the absolute time. */
export function useFormat() {
  const language = useLanguage((state) => state.language);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium' });
    const relative = new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      ago(iso: string, now: number) {
        const minutes = Math.round((Date.parse(iso) - now) / 60_000);
        if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
        const hours = Math.round(minutes / 60);
        return Math.abs(hours) < 48 ? relative.format(hours, 'hour') : relative.format(Math.round(hours / 24), 'day');
      },
    };
  }, [language]);
}
