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
    const [hours = 0, minutes = 0] = dayStart.split(':').map(Number);
    const dayStartMs = (hours * 60 + minutes) * 60_000;
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
      /** YYYY-MM-DD of the business day an instant belongs to: at 01:00, before the day starts (05:00), it is still yesterday's. */
      businessDay: (at: Date) => date.format(new Date(at.getTime() - dayStartMs)),
      minutesSince: (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000)),
    };
  }, [language, timeZone, dayStart]);
}

export type Format = ReturnType<typeof useFormat>;
