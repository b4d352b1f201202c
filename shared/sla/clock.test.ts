import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDocSchema, escalationRuleDocSchema } from '../documents.ts';
import { defaultCalendar } from './calendar.ts';
import { slaClock } from './clock.ts';
import { calendar, H, rule, T0 } from './test-fixtures.ts';

describe('the SLA clock', () => {
  it('reads back the hours it was asked for, around pauses and on a calendar (property)', () => {
    const pause = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 48 }));
    fc.assert(fc.property(fc.array(pause, { maxLength: 4 }), fc.integer({ min: 0, max: 150 * 4 }), fc.boolean(), (ps, quarters, business) => {
      let cursor = T0;
      const pauses: [number, number][] = ps.map(([gap, len]) => {
        const start = cursor + gap * H;
        cursor = start + len * H;
        return [start, cursor];
      });
      const clock = slaClock(T0, pauses, business ? calendar() : null);
      const hours = quarters / 4;
      const at = clock.at(hours);
      expect(at).not.toBeNull();
      if (at === null) return;
      expect(clock.elapsedMs(at)).toBe(hours * H);
      for (const [s, e] of pauses) expect(at <= s || at >= e).toBe(true);
    }), { numRuns: 150 });
  });

  it('has no time for hours beyond a pause that has not ended', () => {
    const clock = slaClock(T0, [[T0 + 5 * H, null]], null);
    expect(clock.at(5)).toBe(T0 + 5 * H);
    expect(clock.at(6)).toBeNull();
    expect(clock.elapsedMs(T0 + 100 * H)).toBe(5 * H);
  });
});

describe('the new document schemas', () => {
  it('accept the default calendar and rules, and refuse a bad working time', () => {
    expect(calendarDocSchema.parse(defaultCalendar('cal', 'h1', 0))).toBeTruthy();
    expect(escalationRuleDocSchema.parse(rule())).toBeTruthy();
    expect(calendarDocSchema.safeParse(calendar({ workingHours: { start: '8:00', end: '25:00' } })).success).toBe(false);
  });
});
