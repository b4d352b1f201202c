import { describe, expect, it } from 'vitest';
import { publicDates } from './dates.ts';

const hijri = (lang: 'ar' | 'en', timeZone: string, ms: number) =>
  new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-islamic-umalqura-nu-latn' : 'en-GB-u-ca-islamic-umalqura', { dateStyle: 'long', timeZone }).format(ms);

describe('public dates', () => {
  it('shows the Hijri date of the moment itself on both sides of a local midnight, whatever the zone', () => {
    // Riyadh (+3), Kolkata (+5:30) and Kathmandu (+5:45): midnight falls on different quarter hours.
    for (const timeZone of ['Asia/Riyadh', 'Asia/Kolkata', 'Asia/Kathmandu']) {
      for (const lang of ['ar', 'en'] as const) {
        const dates = publicDates(lang, timeZone);
        for (let ms = Date.UTC(2026, 2, 2, 17, 0); ms < Date.UTC(2026, 2, 3, 1, 0); ms += 60_000) {
          expect(dates.day(ms).endsWith(`(${hijri(lang, timeZone, ms)})`)).toBe(true);
        }
      }
    }
  });

  it('formats the Gregorian date and time to the minute', () => {
    expect(publicDates('en').full(Date.UTC(2026, 2, 3, 9, 7))).toMatch(/^3 March 2026 at 12:07 \(.*1447.*\)$/);
  });
});
