import { describe, expect, it } from 'vitest';
import { calendarDocSchema } from '../../../shared/documents.ts';
import { calendar } from '../../../shared/sla/test-fixtures.ts';
import { formatDay, monthNames, nextStart } from './calendar-dates.ts';
import { calendarFormOf, checkCalendarForm, holidayFormOf, type CalendarBody } from './calendar-form.ts';

const asServerDoc = (body: CalendarBody) => calendarDocSchema.strict().parse({ ...body, id: 'new', hospitalId: 'h1', updatedAt: 1 });

describe('calendar form', () => {
  it('starts a new calendar on the Saudi default: Friday–Saturday weekend, both Eids by Hijri date, Ramadan hours, pause while waiting', () => {
    const checked = checkCalendarForm(calendarFormOf(null), []);
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect(checked.body).toMatchObject({
      timezone: 'Asia/Riyadh', weekendDays: [5, 6], workingHours: { start: '08:00', end: '16:00' }, ramadanHours: { start: '10:00', end: '15:00' },
      businessHoursSlaConfigIds: [], pauseWhileWaiting: true, active: true,
    });
    expect(checked.body.holidays).toContainEqual({ kind: 'hijri', name: 'Eid al-Fitr', month: 10, day: 1, days: 4 });
    expect(() => asServerDoc(checked.body)).not.toThrow();
  });

  it('round-trips a calendar: working days and hours, no Ramadan hours, a one-off holiday, chosen configurations', () => {
    const form = calendarFormOf(calendar({ businessHoursSlaConfigIds: ['cfg-a', 'gone'] }));
    expect(form.businessHours).toBe('some');
    const edited = {
      ...form,
      weekendDays: [6, 5, 4],
      workingHours: { start: '07:30', end: '24:00' },
      ramadan: false,
      holidays: [...form.holidays, { ...holidayFormOf(null), kind: 'gregorian' as const, name: 'Inauguration', date: '2026-12-01', days: '2' }],
    };
    const checked = checkCalendarForm(edited, ['cfg-a', 'cfg-b']);
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    expect(checked.body).toMatchObject({
      weekendDays: [4, 5, 6], workingHours: { start: '07:30', end: '24:00' }, ramadanHours: null, businessHoursSlaConfigIds: ['cfg-a'],
    });
    expect(checked.body.holidays.at(-1)).toEqual({ kind: 'gregorian', name: 'Inauguration', date: '2026-12-01', days: 2 });
    expect(() => asServerDoc(checked.body)).not.toThrow();
    expect(checkCalendarForm({ ...edited, businessHours: 'all' }, []).ok && checkCalendarForm({ ...edited, businessHours: 'all' }, [])).toMatchObject({ body: { businessHoursSlaConfigIds: ['*'] } });
  });

  it('puts each problem on its own field, holidays by row', () => {
    const form = {
      ...calendarFormOf(null),
      timezone: 'Mars/Olympus',
      weekendDays: [0, 1, 2, 3, 4, 5, 6],
      workingHours: { start: '16:00', end: '08:00' },
      ramadanHours: { start: '9', end: '15:00' },
      holidays: [
        { kind: 'hijri' as const, name: 'Eid', date: '', month: '10', day: '31', days: '3' },
        { kind: 'yearly' as const, name: '', date: '', month: '2', day: '30', days: '0' },
        { kind: 'gregorian' as const, name: 'Day', date: '2026-02-30', month: '', day: '', days: '1' },
      ],
    };
    expect(checkCalendarForm(form, [])).toEqual({
      ok: false,
      fields: {
        timezone: 'unknown',
        weekendDays: 'no_working_day',
        'workingHours.end': 'end_before_start',
        'ramadanHours.start': 'bad_time',
        'holidays.0.day': 'out_of_range',
        'holidays.1.name': 'required',
        'holidays.1.days': 'out_of_range',
        'holidays.1.day': 'out_of_range',
        'holidays.2.date': 'bad_date',
      },
    });
  });
});

describe('calendar dates', () => {
  it('names the Hijri months from the Umm al-Qura calendar, in both languages', () => {
    expect(monthNames('hijri', 'en')[8]).toMatch(/Ramadan/);
    expect(monthNames('hijri', 'ar')[8]).toBe('رمضان');
    expect(monthNames('gregorian', 'en')[1]).toBe('February');
  });

  it('finds the Gregorian day a Hijri holiday next falls on', () => {
    // 1 Shawwal 1447 (Eid al-Fitr) is 20 March 2026 in the Umm al-Qura calendar.
    const day = nextStart({ kind: 'hijri', name: 'Eid al-Fitr', month: 10, day: 1, days: 4 }, Date.UTC(2026, 0, 1) / 86_400_000);
    expect(day).not.toBeNull();
    expect(formatDay(day ?? 0, 'en')).toBe('20 Mar 2026');
  });
});
