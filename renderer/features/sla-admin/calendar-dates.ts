import type { Holiday } from '../../../shared/documents.ts';
import type { Language } from '../../../shared/enums.ts';
import { defaultCalendar, hijriOfDay, isHoliday } from '../../../shared/sla/calendar.ts';

/**
 * Dates for the calendar screen: month names of the Umm al-Qura (Hijri) and Gregorian calendars
 * from Intl, and the next day a holiday starts, so an admin sees which Gregorian day "1 Shawwal"
 * falls on this year. Days are counted since 1970-01-01 (UTC dates), as shared/sla/calendar.ts does.
 */
const DAY_MS = 86_400_000;
const LOOKAHEAD_DAYS = 400;

const locale = (lang: Language, calendar: 'islamic-umalqura' | 'gregory') => `${lang === 'ar' ? 'ar-SA' : 'en-GB'}-u-ca-${calendar}-nu-latn`;
const noon = (day: number) => new Date(day * DAY_MS + DAY_MS / 2);

export function monthNames(kind: 'hijri' | 'gregorian', lang: Language): string[] {
  if (kind === 'gregorian') {
    const f = new Intl.DateTimeFormat(locale(lang, 'gregory'), { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2024, m, 15))));
  }
  const f = new Intl.DateTimeFormat(locale(lang, 'islamic-umalqura'), { month: 'long', timeZone: 'UTC' });
  const names: string[] = Array.from({ length: 12 }, (_, m) => String(m + 1));
  // Every Hijri month is met within a year of days, stepping less than a month at a time.
  const start = 19_723; // 2024-01-01
  for (let day = start; day < start + 380; day += 10) names[hijriOfDay(day).month - 1] = f.format(noon(day));
  return names;
}

/** The first day from `today` (days since 1970) on which the holiday starts, within about a year; null if none. */
export function nextStart(h: Holiday, today: number): number | null {
  // A one-day copy of the holiday on an otherwise empty calendar is a holiday exactly on its first day.
  const probe = { ...defaultCalendar('probe', 'probe', 0), holidays: [{ ...h, days: 1 }] };
  for (let day = today; day < today + LOOKAHEAD_DAYS; day++) if (isHoliday(probe, day)) return day;
  return null;
}

export function formatDay(day: number, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang, 'gregory'), { dateStyle: 'medium', timeZone: 'UTC' }).format(noon(day));
}

export const todayOf = (now: number): number => Math.floor(now / DAY_MS);

/** The name of a weekday (JavaScript's: 0 = Sunday) in the desk's language. */
export function weekdayName(d: number, lang: Language): string {
  // 4 January 1970 was a Sunday.
  return new Intl.DateTimeFormat(locale(lang, 'gregory'), { weekday: 'long', timeZone: 'UTC' }).format(noon(3 + d));
}
