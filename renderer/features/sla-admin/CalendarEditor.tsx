import { useTranslation } from 'react-i18next';
import type { CalendarDoc, SlaConfigDoc } from '../../../shared/documents.ts';
import { HOLIDAY_KINDS } from '../../../shared/enums.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { AdminField, CheckBox, Choice, partOf, TextBox, type Binding } from './AdminField.tsx';
import { AdminForm, useAdminForm, type EditorProps } from './AdminForm.tsx';
import { useConfigLabel } from './ConfigList.tsx';
import { formatDay, monthNames, nextStart, todayOf, weekdayName } from './calendar-dates.ts';
import { CALENDARS } from './kinds.ts';
import { calendarFormOf, checkCalendarForm, holidayFormOf, readHoliday, type CalendarForm, type HolidayForm } from './calendar-form.ts';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * Create or edit the hospital's business-hours calendar. `configs` are the hospital's SLA
 * configurations, the ones that may be measured in business hours.
 */
export function CalendarEditor({ configs, ...editing }: EditorProps<CalendarDoc> & { configs: readonly SlaConfigDoc[] }) {
  const { t } = useTranslation();
  const describe = useConfigLabel();
  const lang = useLanguage();
  const { b, save, submit, close } = useAdminForm(CALENDARS, editing, () => calendarFormOf(editing.doc));
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const check = () => checkCalendarForm(b.form, configs.map((c) => c.id));
  return (
    <AdminForm kind={CALENDARS} save={save} onSubmit={() => void submit(check())} onClose={close}>
      <TextBox b={b} name="timezone" placeholder="Asia/Riyadh" />
      <AdminField label={t('slaAdmin.calendar.weekend')} name="weekendDays" error={b.fields.weekendDays}>
        <span className="form-actions">
          {WEEKDAYS.map((d) => (
            <label key={d} className="field checkbox">
              <input
                type="checkbox"
                data-testid={`${CALENDARS.prefix}-weekend-${d}`}
                checked={b.form.weekendDays.includes(d)}
                onChange={(e) => b.set('weekendDays', toggle(b.form.weekendDays, d, e.target.checked))}
              />
              {weekdayName(d, lang)}
            </label>
          ))}
        </span>
      </AdminField>
      <Hours b={partOf(b, 'workingHours', null, 'slaAdmin.calendar.hours')} title={t('slaAdmin.calendar.workingHours')} />
      <CheckBox b={b} name="ramadan" />
      {b.form.ramadan && <Hours b={partOf(b, 'ramadanHours', null, 'slaAdmin.calendar.hours')} title={t('slaAdmin.calendar.ramadanHours')} />}
      <fieldset className="wide" data-testid={`${CALENDARS.prefix}-holidays`}>
        <legend>{t('slaAdmin.calendar.holidays')}</legend>
        {b.form.holidays.map((_, i) => (
          <HolidayRow key={i} b={partOf(b, 'holidays', i, 'slaAdmin.holiday')} onRemove={() => b.set('holidays', b.form.holidays.filter((_h, j) => j !== i))} />
        ))}
        <button type="button" className="link-button" data-testid={`${CALENDARS.prefix}-holiday-add`} onClick={() => b.set('holidays', [...b.form.holidays, holidayFormOf(null)])}>
          {t('slaAdmin.holiday.add')}
        </button>
      </fieldset>
      <Choice
        b={b}
        name="businessHours"
        options={(['none', 'all', 'some'] as const).map((v) => ({ value: v, label: t(`slaAdmin.calendar.businessHoursChoice.${v}`) }))}
      />
      {b.form.businessHours === 'some' &&
        configs.map((c) => (
          <label key={c.id} className="field checkbox">
            <input
              type="checkbox"
              data-testid={`${CALENDARS.prefix}-config-${c.id}`}
              checked={b.form.businessConfigIds.includes(c.id)}
              onChange={(e) => b.set('businessConfigIds', toggle(b.form.businessConfigIds, c.id, e.target.checked))}
            />
            {describe(c)}
          </label>
        ))}
      <CheckBox b={b} name="pauseWhileWaiting" />
      <CheckBox b={b} name="active" label={t('slaAdmin.active')} />
    </AdminForm>
  );
}

function Hours({ b, title }: { b: Binding<CalendarForm['workingHours']>; title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextBox b={b} name="start" label={`${title} — ${t('slaAdmin.calendar.hours.start')}`} placeholder="08:00" numeric />
      <TextBox b={b} name="end" label={`${title} — ${t('slaAdmin.calendar.hours.end')}`} placeholder="16:00" numeric />
    </>
  );
}

function HolidayRow({ b, onRemove }: { b: Binding<HolidayForm>; onRemove(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const h = b.form;
  const months = h.kind === 'gregorian' ? [] : monthNames(h.kind === 'hijri' ? 'hijri' : 'gregorian', lang);
  // The next Gregorian day it falls on, once the row reads as a holiday.
  const read = readHoliday(h);
  const next = read ? nextStart(read, todayOf(Date.now())) : null;
  return (
    <div className="sla-edit" data-testid={b.prefix}>
      <Choice b={b} name="kind" options={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`slaAdmin.holiday.kinds.${k}`) }))} />
      <TextBox b={b} name="name" />
      {h.kind === 'gregorian' ? (
        <TextBox b={b} name="date" type="date" />
      ) : (
        <>
          <Choice b={b} name="month" options={[{ value: '', label: t('slaAdmin.choose') }, ...months.map((m, i) => ({ value: String(i + 1), label: m }))]} />
          <TextBox b={b} name="day" numeric />
        </>
      )}
      <TextBox b={b} name="days" numeric />
      {next !== null && (
        <span className="muted" data-testid={`${b.prefix}-next`}>
          {t('slaAdmin.holiday.next', { date: formatDay(next, lang) })}
        </span>
      )}
      <button type="button" className="link-button" data-testid={`${b.prefix}-remove`} onClick={onRemove}>
        {t('slaAdmin.holiday.remove')}
      </button>
    </div>
  );
}
