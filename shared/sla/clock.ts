import { HOUR_MS } from '../sla.ts';
import { addBusinessMs, businessMsBetween } from './calendar.ts';
import type { CalendarDoc } from './types.ts';

/**
 * The SLA clock of one cycle: it starts at the cycle's start, counts business time when given a
 * calendar (round the clock with null), and stands still during the given pauses.
 */
export type SlaClock = {
  /** The instant the clock reads `hours`; null when that lies beyond a pause that has not ended. */
  at(hours: number): number | null;
  /** SLA-clock ms elapsed at instant t (0 before the start). */
  elapsedMs(t: number): number;
};

export function slaClock(start: number, pauses: readonly [number, number | null][], calendar: CalendarDoc | null): SlaClock {
  const at = (hours: number): number | null => {
    let remaining = Math.round(hours * HOUR_MS);
    let cursor = start;
    for (const [ps, pe] of pauses) {
      if (remaining <= 0) return cursor;
      if (pe !== null && pe <= cursor) continue;
      if (ps > cursor) {
        const available = businessMsBetween(calendar, cursor, ps);
        if (available >= remaining) return addBusinessMs(calendar, cursor, remaining);
        remaining -= available;
      }
      if (pe === null) return null;
      cursor = Math.max(cursor, pe);
    }
    return addBusinessMs(calendar, cursor, remaining);
  };
  const elapsedMs = (t: number): number => {
    let total = 0;
    let cursor = start;
    for (const [ps, pe] of pauses) {
      if (cursor >= t) break;
      if (pe !== null && pe <= cursor) continue;
      if (ps > cursor) total += businessMsBetween(calendar, cursor, Math.min(ps, t));
      cursor = pe === null ? t : Math.max(cursor, pe);
    }
    if (cursor < t) total += businessMsBetween(calendar, cursor, t);
    return total;
  };
  return { at, elapsedMs };
}
