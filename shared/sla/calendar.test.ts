import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessHours, businessMsBetween, isHoliday, workingInterval } from './calendar.ts';
import { calendar, H, riyadh } from './test-fixtures.ts';

const DAY = 86_400_000;
const cal = calendar();

/** The Gregorian day (days since 1970-01-01) of a Hijri date, found with Intl's Umm al-Qura calendar. */
function gregorianDayOfHijri(year: number, month: number, day: number): number {
  const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const from = Math.floor(Date.UTC(2025, 0, 1) / DAY);
  for (let d = from; d < from + 800; d++) {
    const p = f.formatToParts(new Date(d * DAY + DAY / 2));
    const n = (t: string): number => Number(p.find((x) => x.type === t)?.value);
    if (n('year') === year && n('month') === month && n('day') === day) return d;
  }
  throw new Error('not found');
}
const weekday = (day: number): number => (day + 4) % 7;
const at = (day: number, hour: number, minute = 0): number => day * DAY + (hour - 3) * H + minute * 60_000; // Riyadh

describe('business hours', () => {
  it('run round the clock without a calendar', () => {
    expect(addBusinessHours(null, riyadh(2026, 1, 8, 14), 30)).toBe(riyadh(2026, 1, 9, 20));
    expect(businessMsBetween(null, 0, 5 * H)).toBe(5 * H);
  });

  it('skip the Friday–Saturday weekend', () => {
    // Thursday 8 January 2026, 14:00: two hours that day, two more on Sunday morning.
    expect(addBusinessHours(cal, riyadh(2026, 1, 8, 14), 4)).toBe(riyadh(2026, 1, 11, 10));
    expect(businessMsBetween(cal, riyadh(2026, 1, 8, 14), riyadh(2026, 1, 11, 10))).toBe(4 * H);
    // Starting on a Friday counts from Sunday 08:00.
    expect(addBusinessHours(cal, riyadh(2026, 1, 9, 11), 1)).toBe(riyadh(2026, 1, 11, 9));
    // After hours counts from the next working morning; a full 8-hour day ends at 16:00.
    expect(addBusinessHours(cal, riyadh(2026, 1, 11, 19), 8)).toBe(riyadh(2026, 1, 12, 16));
  });

  it('follow another weekend and a zone with daylight saving', () => {
    const london = calendar({ timezone: 'Europe/London', weekendDays: [0, 6], holidays: [], ramadanHours: null });
    // Friday 27 March 2026 15:00 GMT + 2 h: one hour that day, then Monday 30 March after the clocks went forward.
    expect(addBusinessHours(london, Date.UTC(2026, 2, 27, 15), 2)).toBe(Date.UTC(2026, 2, 30, 8)); // 09:00 BST
  });

  it('close for Eid al-Fitr 1447 on the Umm al-Qura dates, with Ramadan hours before it', () => {
    const eid = gregorianDayOfHijri(1447, 10, 1);
    const lastOfRamadan = eid - 1;
    for (let d = eid; d < eid + 4; d++) expect(isHoliday(cal, d)).toBe(true);
    expect(isHoliday(cal, eid + 4)).toBe(false);
    expect(isHoliday(cal, lastOfRamadan)).toBe(false);
    // The last working day of Ramadan before Eid, at 14:00: one Ramadan hour (until 15:00), then
    // the first working day after the four Eid days from 08:00.
    let before = lastOfRamadan;
    while ([5, 6].includes(weekday(before))) before -= 1;
    let after = eid + 4;
    while ([5, 6].includes(weekday(after))) after += 1;
    expect(workingInterval(cal, before)).toEqual([at(before, 10), at(before, 15)]);
    expect(addBusinessHours(cal, at(before, 14), 3)).toBe(at(after, 10));
    expect(businessMsBetween(cal, at(before, 14), at(after, 10))).toBe(3 * H);
  });

  it('use the shorter Ramadan hours through Ramadan only', () => {
    let day = gregorianDayOfHijri(1447, 9, 10);
    while ([4, 5, 6].includes(weekday(day))) day += 1; // a Sunday–Wednesday, so tomorrow works too
    expect(addBusinessHours(cal, at(day, 10), 6)).toBe(at(day + 1, 11));
    const shaban = gregorianDayOfHijri(1447, 8, 10);
    const working = [5, 6].includes(weekday(shaban)) ? shaban + 2 : shaban;
    expect(workingInterval(cal, working)).toEqual([at(working, 8), at(working, 16)]);
  });

  it('close for Eid al-Adha and for dated holidays', () => {
    const adha = gregorianDayOfHijri(1447, 12, 10);
    expect(isHoliday(cal, adha)).toBe(true);
    expect(isHoliday(cal, adha + 3)).toBe(true);
    expect(isHoliday(cal, adha - 1)).toBe(false);
    const dated = calendar({ holidays: [
      { kind: 'yearly', name: 'National Day', month: 9, day: 23, days: 1 },
      { kind: 'gregorian', name: 'Extra', date: '2026-01-11', days: 2 },
    ] });
    expect(isHoliday(dated, Math.floor(Date.UTC(2027, 8, 23) / DAY))).toBe(true);
    expect(addBusinessHours(dated, riyadh(2026, 1, 8, 15), 2)).toBe(riyadh(2026, 1, 13, 9));
  });

  it('add and measure consistently (property)', () => {
    const start = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) });
    fc.assert(fc.property(start, fc.integer({ min: 0, max: 200 * 60 }), fc.integer({ min: 0, max: 60 * 60 }), (s, minutes, more) => {
      const end = addBusinessHours(cal, s, minutes / 60);
      expect(end).toBeGreaterThanOrEqual(s);
      expect(businessMsBetween(cal, s, end)).toBe(minutes * 60_000);
      expect(addBusinessHours(cal, s, (minutes + more) / 60)).toBeGreaterThanOrEqual(end);
      expect(businessMsBetween(cal, end, s) + minutes * 60_000).toBe(0);
    }), { numRuns: 200 });
  });

  it('never loops on a calendar without working time', () => {
    const closed = calendar({ workingHours: { start: '10:00', end: '10:00' }, ramadanHours: null });
    expect(addBusinessHours(closed, 0, 1)).toBeGreaterThan(0);
  });
});
