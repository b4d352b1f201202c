import { useTranslation } from 'react-i18next';
import type { CalendarDoc, SlaConfigDoc } from '../../../shared/documents.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { AdminSection, type Column } from './AdminSection.tsx';
import { CalendarEditor } from './CalendarEditor.tsx';
import { CALENDARS } from './kinds.ts';
import { weekdayName } from './calendar-dates.ts';
import { useConfigLabel } from './ConfigList.tsx';

/**
 * The hospital's business-hours calendar: at most one (the server refuses a second), so "new"
 * is offered only while there is none. Without one, SLAs run round the clock.
 */
export function CalendarList({ calendars, configs }: { calendars: CalendarDoc[]; configs: SlaConfigDoc[] }) {
  const { t } = useTranslation();
  const describe = useConfigLabel();
  const lang = useLanguage();
  const list = (items: string[]) => (items.length ? items.join(lang === 'ar' ? '، ' : ', ') : t('common.none'));
  const businessHours = (c: CalendarDoc) => {
    const ids = c.businessHoursSlaConfigIds;
    if (ids.includes('*')) return t('slaAdmin.calendar.businessHoursChoice.all');
    return ids.length === 0 ? t('slaAdmin.calendar.businessHoursChoice.none') : list(configs.filter((x) => ids.includes(x.id)).map(describe));
  };
  const columns: Column<CalendarDoc>[] = [
    { label: t('slaAdmin.calendar.timezone'), cell: (c) => c.timezone, ltr: true },
    { label: t('slaAdmin.calendar.workingHours'), cell: (c) => <span dir="ltr">{`${c.workingHours.start}–${c.workingHours.end}`}</span> },
    {
      label: t('slaAdmin.calendar.ramadanHours'),
      cell: (c) => (c.ramadanHours ? <span dir="ltr">{`${c.ramadanHours.start}–${c.ramadanHours.end}`}</span> : t('common.none')),
    },
    { label: t('slaAdmin.calendar.weekend'), cell: (c) => list(c.weekendDays.map((d) => weekdayName(d, lang))) },
    { label: t('slaAdmin.calendar.holidays'), cell: (c) => list(c.holidays.map((h) => h.name)) },
    { label: t('slaAdmin.calendar.businessHours'), cell: businessHours },
    { label: t('slaAdmin.calendar.pauseWhileWaiting'), cell: (c) => (c.pauseWhileWaiting ? t('slaAdmin.yes') : t('slaAdmin.no')) },
  ];
  return (
    <AdminSection
      kind={CALENDARS}
      items={calendars}
      columns={columns}
      canCreate={calendars.length === 0}
      editor={(doc, onDone) => <CalendarEditor doc={doc} onDone={onDone} configs={configs} />}
    />
  );
}
