import { useTranslation } from 'react-i18next';
import type { CalendarDoc } from '../../../shared/documents.ts';
import { useLanguage } from '../../ui/hooks.ts';

/** Read only on the desk: calendars are edited through the server's API. */
export function CalendarList({ calendars }: { calendars: CalendarDoc[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dayName = (d: number) =>
    // 4 January 1970 was a Sunday, JavaScript's weekday 0.
    new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(1970, 0, 4 + d)));
  return (
    <section className="card" data-testid="sla-calendars">
      <h2>{t('slaAdmin.calendar.title')}</h2>
      {calendars.length === 0 ? (
        <p className="muted">{t('slaAdmin.calendar.empty')}</p>
      ) : (
        calendars.map((c) => (
          <dl key={c.id} className="facts" data-testid="sla-calendar" data-active={String(c.active)}>
            <div className="fact">
              <dt>{t('slaAdmin.calendar.timezone')}</dt>
              <dd dir="ltr">{c.timezone}</dd>
            </div>
            <div className="fact">
              <dt>{t('slaAdmin.calendar.workingHours')}</dt>
              <dd dir="ltr">
                {c.workingHours.start}–{c.workingHours.end}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('slaAdmin.calendar.ramadanHours')}</dt>
              <dd dir="ltr">{c.ramadanHours ? `${c.ramadanHours.start}–${c.ramadanHours.end}` : t('common.none')}</dd>
            </div>
            <div className="fact">
              <dt>{t('slaAdmin.calendar.weekend')}</dt>
              <dd>{c.weekendDays.length ? c.weekendDays.map(dayName).join(lang === 'ar' ? '، ' : ', ') : t('common.none')}</dd>
            </div>
            <div className="fact">
              <dt>{t('slaAdmin.calendar.holidays')}</dt>
              <dd>{c.holidays.length ? c.holidays.map((h) => h.name).join(' · ') : t('common.none')}</dd>
            </div>
            <div className="fact">
              <dt>{t('slaAdmin.calendar.pauseWhileWaiting')}</dt>
              <dd>{c.pauseWhileWaiting ? t('slaAdmin.yes') : t('slaAdmin.no')}</dd>
            </div>
            <div className="fact">
              <dt>{t('slaAdmin.active')}</dt>
              <dd>{c.active ? t('slaAdmin.yes') : t('slaAdmin.no')}</dd>
            </div>
          </dl>
        ))
      )}
    </section>
  );
}
