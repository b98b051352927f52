import { useMemo } from 'react';
import { formatPrice } from '@tavli/i18n/money';
import { useLanguage } from '../i18n/i18n';
import { useSettings } from '../features/settings/queries';

const locales = { el: 'el-GR', en: 'en-GB' } as const;

/** Amounts in the restaurant's currency with Greek number formatting; times in its time zone (TZ_NAME). */
export function useFormat() {
  const language = useLanguage((state) => state.language);
  const settings = useSettings().data;
  const timeZone = settings?.time_zone;
  const dayStart = settings?.business_day_start ?? '00:00';
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
    const clock = new Intl.DateTimeFormat('en-GB', { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return {
      money: (cents: number) => formatPrice(cents),
      time: (iso: string) => time.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /**
       * YYYY-MM-DD (the form the report ranges take) of the business day an instant belongs to: at
       * 01:00 on the restaurant's clock, before the day starts (05:00), it is still yesterday's.
       */
      businessDay: (at: Date) => {
        const day = date.format(at);
        if (clock.format(at) >= dayStart) return day;
        const yesterday = new Date(`${day}T00:00:00Z`);
        yesterday.setUTCDate(yesterday.getUTCDate() - 1);
        return yesterday.toISOString().slice(0, 10);
      },
      minutesSince: (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000)),
    };
  }, [language, timeZone, dayStart]);
}

export type Format = ReturnType<typeof useFormat>;
