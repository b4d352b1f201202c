import { useTranslation } from 'react-i18next';
import type { DepartmentDoc, SourceDoc, StaffDoc } from '../../../shared/documents.ts';
import { COMPLAINT_STATUSES, PRIORITIES, SEVERITIES, type Priority, type Severity } from '../../../shared/enums.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { localName } from '../../ui/reference-data.ts';
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
  return (
    <div className="list-filters" data-testid="list-filters">
      <label className="field">
        <span className="field-label">{t('list.status')}</span>
        <select data-testid="list-status-filter" value={f.status} onChange={(e) => onChange({ status: e.target.value as StatusFilter })}>
          <option value="">{t('list.allStatuses')}</option>
          <option value="open">{t('list.openStatuses')}</option>
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('list.priority')}</span>
        <select data-testid="list-priority-filter" value={f.priority} onChange={(e) => onChange({ priority: e.target.value as Priority | '' })}>
          <option value="">{t('list.any')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('list.severity')}</span>
        <select data-testid="list-severity-filter" value={f.severity} onChange={(e) => onChange({ severity: e.target.value as Severity | '' })}>
          <option value="">{t('list.any')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('list.source')}</span>
        <select data-testid="list-source-filter" value={f.source} onChange={(e) => onChange({ source: e.target.value })}>
          <option value="">{t('list.any')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.code}>
              {localName(s, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('list.department')}</span>
        <select data-testid="list-department-filter" value={f.department} onChange={(e) => onChange({ department: e.target.value })}>
          <option value="">{t('list.any')}</option>
          <option value={NONE}>{t('list.noDepartment')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {localName(d, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('list.assignee')}</span>
        <select data-testid="list-assignee-filter" value={f.assignee} onChange={(e) => onChange({ assignee: e.target.value })}>
          <option value="">{t('list.any')}</option>
          <option value={userId}>{t('list.me')}</option>
          <option value={NONE}>{t('list.unassigned')}</option>
          {staff
            .filter((s) => s.id !== userId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName || s.username}
              </option>
            ))}
        </select>
      </label>
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
