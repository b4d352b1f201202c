import type { Language } from '../../shared/enums.ts';

/**
 * Dates on the public pages: Gregorian with the time, then the Umm al-Qura (Hijri) date, both in
 * Riyadh time and Latin digits (the reference number and the SMS use them too). The formatters
 * are built once: building an `Intl.DateTimeFormat` costs far more than using one, and the
 * tracking page formats several dates per request.
 */
export const PUBLIC_TIME_ZONE = 'Asia/Riyadh';

export type PublicDates = {
  /** "3 March 2026 at 12:00 (14 Ramadan 1447 AH)". */
  full(ms: number): string;
  /** "3 March 2026" with the Hijri date: for a receipt or a heading. */
  day(ms: number): string;
};

const LOCALES: Record<Language, { gregorian: string; hijri: string }> = {
  ar: { gregorian: 'ar-u-ca-gregory-nu-latn', hijri: 'ar-SA-u-ca-islamic-umalqura-nu-latn' },
  en: { gregorian: 'en-GB-u-ca-gregory', hijri: 'en-GB-u-ca-islamic-umalqura' },
};

// Since 1973 every time zone's offset is a whole number of quarter hours, so a calendar date
// never changes inside a quarter hour of UTC: the Hijri date (every date on a page formats one,
// and a page's dates cluster on a few days) is formatted once per quarter hour and remembered.
const QUARTER_HOUR = 15 * 60_000;
const QUARTERS_SINCE = Date.UTC(1973, 0, 1);
const REMEMBERED = 8_192; // about three months of quarter hours; then it starts afresh

function quarterHourCached(format: (ms: number) => string): (ms: number) => string {
  const known = new Map<number, string>();
  return (ms) => {
    if (!(ms >= QUARTERS_SINCE)) return format(ms);
    const quarter = Math.floor(ms / QUARTER_HOUR);
    let text = known.get(quarter);
    if (text === undefined) {
      if (known.size >= REMEMBERED) known.clear();
      text = format(quarter * QUARTER_HOUR);
      known.set(quarter, text);
    }
    return text;
  };
}

function build(lang: Language, timeZone: string): PublicDates {
  const l = LOCALES[lang];
  const dateTime = new Intl.DateTimeFormat(l.gregorian, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(l.gregorian, { dateStyle: 'long', timeZone });
  const hijriFormat = new Intl.DateTimeFormat(l.hijri, { dateStyle: 'long', timeZone });
  const hijri = quarterHourCached((ms) => hijriFormat.format(ms));
  return {
    full: (ms) => `${dateTime.format(ms)} (${hijri(ms)})`,
    day: (ms) => `${date.format(ms)} (${hijri(ms)})`,
  };
}

const cache = new Map<string, PublicDates>();

export function publicDates(lang: Language, timeZone: string = PUBLIC_TIME_ZONE): PublicDates {
  const key = `${lang}|${timeZone}`;
  let dates = cache.get(key);
  if (!dates) {
    dates = build(lang, timeZone);
    cache.set(key, dates);
  }
  return dates;
}
