import { useTranslation } from 'react-i18next';
import type { DepartmentDoc, SourceDoc, StaffDoc } from '../../../shared/documents.ts';
import { COMPLAINT_STATUSES, PRIORITIES, SEVERITIES, type Priority, type Severity } from '../../../shared/enums.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { localName } from '../../ui/reference-data.ts';
import { SelectField, staffChoices, unionChoices } from '../../ui/SelectField.tsx';
import { NONE, type ListFilter, type StatusFilter } from './filters.ts';

type Props = {
  filter: ListFilter;
  onChange(patch: Partial<ListFilter>): void;
  sources: SourceDoc[];
  departments: DepartmentDoc[];
  staff: StaffDoc[];
  userId: string;
};

const DAY = 86_400_000;

/** `yyyy-mm-dd` of a local-day start, and back (the date inputs speak local days). */
const toInput = (ms: number | null) => {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const fromInput = (v: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : null;
};

/** Every filter of the list; each change applies at once. */
export function ListFilters({ filter: f, onChange, sources, departments, staff, userId }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const any = { value: '', label: t('list.any') };
  return (
    <div className="list-filters" data-testid="list-filters">
      <SelectField
        label={t('list.status')}
        testId="list-status-filter"
        value={f.status}
        choices={[{ value: '', label: t('list.allStatuses') }, { value: 'open', label: t('list.openStatuses') }, ...unionChoices(COMPLAINT_STATUSES, t, 'status')]}
        onChange={(status: StatusFilter) => onChange({ status })}
      />
      <SelectField label={t('list.priority')} testId="list-priority-filter" value={f.priority} choices={[any, ...unionChoices(PRIORITIES, t, 'priority')]} onChange={(priority: Priority | '') => onChange({ priority })} />
      <SelectField label={t('list.severity')} testId="list-severity-filter" value={f.severity} choices={[any, ...unionChoices(SEVERITIES, t, 'severity')]} onChange={(severity: Severity | '') => onChange({ severity })} />
      <SelectField
        label={t('list.source')}
        testId="list-source-filter"
        value={f.source}
        choices={[any, ...sources.map((s) => ({ value: s.code, label: localName(s, lang) }))]}
        onChange={(source) => onChange({ source })}
      />
      <SelectField
        label={t('list.department')}
        testId="list-department-filter"
        value={f.department}
        choices={[any, { value: NONE, label: t('list.noDepartment') }, ...departments.map((d) => ({ value: d.id, label: localName(d, lang) }))]}
        onChange={(department) => onChange({ department })}
      />
      <SelectField
        label={t('list.assignee')}
        testId="list-assignee-filter"
        value={f.assignee}
        choices={[any, { value: userId, label: t('list.me') }, { value: NONE, label: t('list.unassigned') }, ...staffChoices(staff.filter((s) => s.id !== userId))]}
        onChange={(assignee) => onChange({ assignee })}
      />
      <label className="field">
        <span className="field-label">{t('list.category')}</span>
        <input data-testid="list-category-filter" value={f.category} maxLength={60} onChange={(e) => onChange({ category: e.target.value.trim() })} />
      </label>
      <label className="field">
        <span className="field-label">{t('list.from')}</span>
        <input data-testid="list-from-filter" type="date" value={toInput(f.from)} onChange={(e) => onChange({ from: fromInput(e.target.value) })} />
      </label>
      <label className="field">
        <span className="field-label">{t('list.to')}</span>
        <input
          data-testid="list-to-filter"
          type="date"
          value={f.to === null ? '' : toInput(f.to - DAY)}
          // The last day is included: the bound is the start of the next day.
          onChange={(e) => {
            const day = fromInput(e.target.value);
            onChange({ to: day === null ? null : day + DAY });
          }}
        />
      </label>
      <label className="check">
        <input data-testid="list-overdue-filter" type="checkbox" checked={f.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} />
        <span>{t('list.overdueOnly')}</span>
      </label>
    </div>
  );
}
