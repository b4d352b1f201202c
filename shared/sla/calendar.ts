import { HOUR_MS } from '../sla.ts';
import type { CalendarDoc, Holiday, WorkingHours } from './types.ts';

/**
 * Business-time arithmetic on a hospital calendar. A null (or inactive) calendar is round the
 * clock. Everything is computed on the calendar's local days (its IANA zone), so a working day
 * is 08:00–16:00 Riyadh time whatever the machine's zone; Hijri holidays and Ramadan come from
 * the Umm al-Qura calendar that Intl ships, so nothing needs a yearly table.
 */

export const DEFAULT_TIMEZONE = 'Asia/Riyadh';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A calendar with no working time at all would never finish; after this many idle days the clock runs round the clock. */
const MAX_IDLE_DAYS = 800;

/** A sensible Saudi default a server can seed (round the clock until an admin lists configurations). */
export function defaultCalendar(id: string, hospitalId: string, updatedAt: number): CalendarDoc {
  return {
    id,
    hospitalId,
    timezone: DEFAULT_TIMEZONE,
    weekendDays: [5, 6],
    workingHours: { start: '08:00', end: '16:00' },
    ramadanHours: { start: '10:00', end: '15:00' },
    holidays: [
      { kind: 'hijri', name: 'Eid al-Fitr', month: 10, day: 1, days: 4 },
      { kind: 'hijri', name: 'Eid al-Adha', month: 12, day: 10, days: 4 },
      { kind: 'yearly', name: 'Founding Day', month: 2, day: 22, days: 1 },
      { kind: 'yearly', name: 'National Day', month: 9, day: 23, days: 1 },
    ],
    businessHoursSlaConfigIds: [],
    pauseWhileWaiting: true,
    active: true,
    updatedAt,
  };
}

// Intl formatters are costly to build and deterministic: memoising them keeps the functions pure.
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timezone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timezone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: timezone });
    } catch {
      // An unknown zone name must not stop the SLA engine: fall back to the hospitals' own zone.
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: DEFAULT_TIMEZONE });
    }
    zoneFormatters.set(timezone, f);
  }
  return f;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number {
  return Number(parts.find((p) => p.type === type)?.value ?? '0');
}

// Offsets change only at daylight-saving transitions, which fall on quarter hours of UTC: one
// lookup per quarter hour is exact and spares the (slow) formatter on every call.
const QUARTER_MS = 15 * MINUTE_MS;
const offsetCache = new Map<string, number>();

/** Local time minus UTC at instant t, in ms. */
function offsetMs(timezone: string, t: number): number {
  const quarter = Math.floor(t / QUARTER_MS) * QUARTER_MS;
  const key = `${timezone}|${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const p = zoneFormatter(timezone).formatToParts(new Date(quarter));
  const local = Date.UTC(part(p, 'year'), part(p, 'month') - 1, part(p, 'day'), part(p, 'hour'), part(p, 'minute'), part(p, 'second'));
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, local - quarter);
  return local - quarter;
}

/** Days since 1970-01-01 of the local date at instant t. */
function localDay(timezone: string, t: number): number {
  return Math.floor((t + offsetMs(timezone, t)) / DAY_MS);
}

/** The instant of local day `day` at `minutes` past midnight (twice-corrected for DST changes). */
function localInstant(timezone: string, day: number, minutes: number): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const first = wall - offsetMs(timezone, wall);
  return wall - offsetMs(timezone, first);
}

const hijriFormatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
});
const hijriCache = new Map<number, HijriDate>();
export type HijriDate = { year: number; month: number; day: number };

/** The Umm al-Qura date of a local day (days since 1970-01-01). */
export function hijriOfDay(day: number): HijriDate {
  const cached = hijriCache.get(day);
  if (cached) return cached;
  const p = hijriFormatter.formatToParts(new Date(day * DAY_MS + DAY_MS / 2));
  const h = { year: part(p, 'year'), month: part(p, 'month'), day: part(p, 'day') };
  if (hijriCache.size > 20_000) hijriCache.clear();
  hijriCache.set(day, h);
  return h;
}

function gregorianDayOf(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function startsOn(h: Holiday, day: number): boolean {
  if (h.kind === 'hijri') {
    const hd = hijriOfDay(day);
    return hd.month === h.month && hd.day === h.day;
  }
  if (h.kind === 'yearly') {
    const g = new Date(day * DAY_MS);
    return g.getUTCMonth() + 1 === h.month && g.getUTCDate() === h.day;
  }
  return gregorianDayOf(h.date) === day;
}

export function isHoliday(calendar: CalendarDoc, day: number): boolean {
  return calendar.holidays.some((h) => {
    for (let k = 0; k < h.days; k++) if (startsOn(h, day - k)) return true;
    return false;
  });
}

function minutesOf(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

// Working intervals depend only on the calendar's content and the day: memoised per content.
const calendarKeys = new WeakMap<CalendarDoc, string>();
const intervalCache = new Map<string, Map<number, [number, number] | null>>();

function intervalsOf(calendar: CalendarDoc): Map<number, [number, number] | null> {
  let key = calendarKeys.get(calendar);
  if (key === undefined) {
    const { timezone, weekendDays, workingHours, ramadanHours, holidays } = calendar;
    key = JSON.stringify([timezone, weekendDays, workingHours, ramadanHours, holidays]);
    calendarKeys.set(calendar, key);
  }
  let days = intervalCache.get(key);
  if (!days || days.size > 50_000) {
    if (intervalCache.size > 100) intervalCache.clear();
    days = new Map();
    intervalCache.set(key, days);
  }
  return days;
}

/** The working interval [start, end) of a local day, or null for a day off. */
export function workingInterval(calendar: CalendarDoc, day: number): [number, number] | null {
  const days = intervalsOf(calendar);
  const cached = days.get(day);
  if (cached !== undefined) return cached;
  const interval = computeInterval(calendar, day);
  days.set(day, interval);
  return interval;
}

function computeInterval(calendar: CalendarDoc, day: number): [number, number] | null {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
  if (calendar.weekendDays.includes(weekday) || isHoliday(calendar, day)) return null;
  const hours: WorkingHours =
    calendar.ramadanHours && hijriOfDay(day).month === 9 ? calendar.ramadanHours : calendar.workingHours;
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (end <= start) return null;
  return [localInstant(calendar.timezone, day, start), localInstant(calendar.timezone, day, end)];
}

function usable(calendar: CalendarDoc | null): calendar is CalendarDoc {
  return calendar !== null && calendar.active;
}

/** The instant `hours` of business time after `start` (the earliest such instant). */
export function addBusinessHours(calendar: CalendarDoc | null, start: number, hours: number): number {
  return addBusinessMs(calendar, start, Math.round(hours * HOUR_MS));
}

export function addBusinessMs(calendar: CalendarDoc | null, start: number, ms: number): number {
  if (!usable(calendar)) return start + ms;
  let remaining = ms;
  if (remaining <= 0) return start;
  let day = localDay(calendar.timezone, start);
  let idle = 0;
  for (;;) {
    const iv = workingInterval(calendar, day);
    const from = iv ? Math.max(iv[0], start) : 0;
    if (iv && iv[1] > from) {
      idle = 0;
      const available = iv[1] - from;
      if (available >= remaining) return from + remaining;
      remaining -= available;
    } else if (++idle > MAX_IDLE_DAYS) {
      return Math.max(start, localInstant(calendar.timezone, day + 1, 0)) + remaining;
    }
    day += 1;
  }
}

/** Business time from a to b in ms (negative when b is before a). */
export function businessMsBetween(calendar: CalendarDoc | null, a: number, b: number): number {
  if (!usable(calendar)) return b - a;
  if (b < a) return -businessMsBetween(calendar, b, a);
  let total = 0;
  const last = localDay(calendar.timezone, b);
  for (let day = localDay(calendar.timezone, a); day <= last; day++) {
    const iv = workingInterval(calendar, day);
    if (iv) total += Math.max(0, Math.min(iv[1], b) - Math.max(iv[0], a));
  }
  return total;
}

/** Local day number (days since 1970-01-01 in the calendar's zone) of an instant; for tests and display. */
export function calendarDayOf(calendar: CalendarDoc | null, t: number): number {
  return localDay(calendar?.timezone ?? DEFAULT_TIMEZONE, t);
}
