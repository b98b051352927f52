import { useMemo } from 'react';
import { formatPrice } from '@tavli/i18n/money';
import { useLanguage } from '../i18n/i18n';
import { useSettings } from '../features/settings/queries';

const locales = { el: 'el-GR', en: 'en-GB' } as const;

/** Amounts in the restaurant's currency with Greek number formatting; times in its time zone (TZ_NAME). */
export function useFormat() {
  const language = useLanguage((state) => state.language);
  const timeZone = useSettings().data?.time_zone;
  return useMemo(() => {
    const locale = locales[language];
    const zone = timeZone ? { timeZone } : {};
    const time = new Intl.DateTimeFormat(locale, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dateTime = new Intl.DateTimeFormat(locale, {
      ...zone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const date = new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    return {
      money: (cents: number) => formatPrice(cents),
      time: (iso: string) => time.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** YYYY-MM-DD of an instant in the restaurant's zone (the form the report ranges take). */
      isoDate: (at: Date) => date.format(at),
      minutesSince: (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000)),
    };
  }, [language, timeZone]);
}

export type Format = ReturnType<typeof useFormat>;
