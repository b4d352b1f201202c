import type { CalendarDoc, Holiday, WorkingHours } from '../../../shared/documents.ts';
import type { HolidayKind } from '../../../shared/enums.ts';
import { defaultCalendar } from '../../../shared/sla/calendar.ts';
import { FormReader, text, type Checked } from './form-kit.ts';

/**
 * A hospital's business-hours calendar as its form edits it (shared/documents.ts
 * calendarDocSchema, shared/sla/calendar.ts). A new one starts from the Saudi default: Friday and
 * Saturday off, 08:00–16:00, shorter Ramadan hours, both Eids (Hijri dates) and the two national
 * days. Which SLA configurations count business hours is a choice of none, all ('*') or some.
 */
export type HolidayForm = { kind: HolidayKind; name: string; date: string; month: string; day: string; days: string };
export type BusinessHoursChoice = 'none' | 'all' | 'some';
export type CalendarForm = {
  timezone: string;
  weekendDays: number[];
  workingHours: WorkingHours;
  ramadan: boolean;
  ramadanHours: WorkingHours;
  holidays: HolidayForm[];
  businessHours: BusinessHoursChoice;
  businessConfigIds: string[];
  pauseWhileWaiting: boolean;
  active: boolean;
};
export type CalendarBody = Omit<CalendarDoc, 'id' | 'hospitalId' | 'updatedAt'>;

const ALL_CONFIGS = '*';
const DEFAULT_RAMADAN_HOURS: WorkingHours = { start: '10:00', end: '15:00' };
const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const MAX_HOLIDAYS = 100;

export function holidayFormOf(h: Holiday | null): HolidayForm {
  if (h === null) return { kind: 'hijri', name: '', date: '', month: '', day: '', days: '1' };
  return h.kind === 'gregorian'
    ? { kind: h.kind, name: h.name, date: h.date, month: '', day: '', days: text(h.days) }
    : { kind: h.kind, name: h.name, date: '', month: text(h.month), day: text(h.day), days: text(h.days) };
}

export function calendarFormOf(doc: CalendarDoc | null): CalendarForm {
  const c = doc ?? defaultCalendar('new', 'new', 0);
  const listed = c.businessHoursSlaConfigIds;
  return {
    timezone: c.timezone,
    weekendDays: [...c.weekendDays].sort((a, b) => a - b),
    workingHours: { ...c.workingHours },
    ramadan: c.ramadanHours !== null,
    ramadanHours: { ...(c.ramadanHours ?? DEFAULT_RAMADAN_HOURS) },
    holidays: c.holidays.map(holidayFormOf),
    businessHours: listed.includes(ALL_CONFIGS) ? 'all' : listed.length > 0 ? 'some' : 'none',
    businessConfigIds: listed.filter((id) => id !== ALL_CONFIGS),
    pauseWhileWaiting: c.pauseWhileWaiting,
    active: c.active,
  };
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

/** Working hours from two 'HH:MM' boxes; the day must end after it starts (else it would be a day off). */
function hours(r: FormReader, name: 'workingHours' | 'ramadanHours', given: WorkingHours): WorkingHours {
  const s = given.start.trim();
  const e = given.end.trim();
  if (!CLOCK.test(s)) r.fail(`${name}.start`, 'bad_time');
  if (!CLOCK.test(e)) r.fail(`${name}.end`, 'bad_time');
  else if (CLOCK.test(s) && minutes(e) <= minutes(s)) r.fail(`${name}.end`, 'end_before_start');
  return { start: s, end: e };
}

const daysInMonth = (month: number) => new Date(Date.UTC(2024, month, 0)).getUTCDate(); // a leap year: 29 February is a date

function holiday(r: FormReader, h: HolidayForm, i: number): Holiday {
  const at = (field: string) => `holidays.${i}.${field}`;
  const name = r.text(at('name'), h.name, 120);
  const days = r.number(at('days'), h.days, { whole: true, min: 1, max: 30 });
  if (h.kind === 'gregorian') {
    const date = h.date.trim();
    const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
    const real = /^\d{4}-\d{2}-\d{2}$/.test(date) && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (!real) r.fail(at('date'), date === '' ? 'required' : 'bad_date');
    return { kind: 'gregorian', name, date, days };
  }
  const month = r.number(at('month'), h.month, { whole: true, min: 1, max: 12 });
  // Umm al-Qura months have 29 or 30 days; a Gregorian month/day must exist in some year.
  const maxDay = h.kind === 'hijri' ? 30 : month >= 1 && month <= 12 ? daysInMonth(month) : 31;
  const day = r.number(at('day'), h.day, { whole: true, min: 1, max: maxDay });
  return { kind: h.kind, name, month, day, days };
}

function timezoneKnown(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `configIds`: the hospital's configurations, the only ones "some" may list. */
export function checkCalendarForm(form: CalendarForm, configIds: readonly string[]): Checked<CalendarBody> {
  const r = new FormReader();
  const timezone = r.text('timezone', form.timezone, 60);
  if (timezone !== '' && !timezoneKnown(timezone)) r.fail('timezone', 'unknown');
  const weekendDays = [...new Set(form.weekendDays)].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).sort((a, b) => a - b);
  if (weekendDays.length > 6) r.fail('weekendDays', 'no_working_day');
  if (form.holidays.length > MAX_HOLIDAYS) r.fail('holidays', 'out_of_range');
  const chosen = form.businessConfigIds.filter((id) => configIds.includes(id));
  const body: CalendarBody = {
    timezone,
    weekendDays,
    workingHours: hours(r, 'workingHours', form.workingHours),
    ramadanHours: form.ramadan ? hours(r, 'ramadanHours', form.ramadanHours) : null,
    holidays: form.holidays.map((h, i) => holiday(r, h, i)),
    businessHoursSlaConfigIds: form.businessHours === 'all' ? [ALL_CONFIGS] : form.businessHours === 'some' ? chosen : [],
    pauseWhileWaiting: form.pauseWhileWaiting,
    active: form.active,
  };
  return r.result(body);
}

/** A holiday row as a holiday, or null while it does not read as one yet. */
export function readHoliday(h: HolidayForm): Holiday | null {
  const r = new FormReader();
  const out = holiday(r, h, 0);
  return Object.keys(r.fields).length > 0 ? null : out;
}
