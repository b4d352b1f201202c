import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDoc } from '../../../shared/documents.ts';
import { COMPLAINT_STATUSES, PRIORITIES, type ComplaintStatus, type Priority } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { SelectField, staffChoices, unionChoices } from '../../ui/SelectField.tsx';
import { runBulk } from './apply.ts';
import type { BulkAction, BulkRow } from './plan.ts';

type Kind = BulkAction['kind'];
const KINDS: readonly Kind[] = ['assign', 'status', 'priority', 'close'];
const UNASSIGN = '-';

type Props = {
  selected: readonly string[];
  staff: StaffDoc[];
  departmentId: string | null;
  /** The new selection: emptied, or after an action only the rows it refused (to try another action). */
  onSelect(ids: string[]): void;
};

/** Acts on the selected complaints; afterwards shows, row by row, what was done and what was refused. */
export function BulkBar({ selected, staff, departmentId, onSelect }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const [kind, setKind] = useState<Kind>('assign');
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [comment, setComment] = useState('');
  const [resolution, setResolution] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<BulkRow[] | null>(null);

  const action = (): BulkAction | null => {
    if (kind === 'assign') return assignee ? { kind, assigneeId: assignee === UNASSIGN ? null : assignee, comment } : null;
    if (kind === 'status') return status ? { kind, to: status, comment, resolution } : null;
    if (kind === 'priority') return priority ? { kind, priority, comment } : null;
    return { kind, comment };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const a = action();
    if (!a) return setMissing(true);
    setMissing(false);
    setBusy({ done: 0, total: selected.length });
    try {
      const user = desk.user;
      const rows = await runBulk(
        {
          db: desk.db,
          writer: desk.writer,
          actor: { id: user.id, role: user.role, departmentId, displayName: user.displayName || user.username },
        },
        selected,
        a,
        Date.now(),
        (done, total) => setBusy({ done, total }),
      );
      setResults(rows);
      onSelect(rows.filter((r) => !r.ok && r.error !== 'not_found').map((r) => r.id));
    } finally {
      setBusy(null);
    }
  };

  const errorText = (r: Extract<BulkRow, { ok: false }>) => {
    if (r.error === 'not_allowed') {
      const allowed = (r.detail ?? '').split(',').filter(Boolean).map((s) => t(`status.${s}`));
      return t('transition.not_allowed', { allowed: allowed.join(lang === 'ar' ? '، ' : ', ') || t('common.none') });
    }
    if (['same_status', 'resolution_required', 'reason_required'].includes(r.error)) return t(`transition.${r.error}`);
    return t(`bulk.error.${r.error}`, { message: r.detail ?? '' });
  };

  const choose = { value: '', label: t('bulk.choose') };
  const applied = results?.filter((r) => r.ok).length ?? 0;
  if (selected.length === 0 && !results) return null;
  return (
    <section className="card bulk" aria-label={t('bulk.heading')} data-testid="bulk-bar">
      {selected.length > 0 && (
      <form className="bulk-form" onSubmit={submit} noValidate>
        <strong data-testid="bulk-count">{t('bulk.selected', { count: selected.length })}</strong>
        <SelectField label={t('bulk.action')} testId="bulk-action" value={kind} choices={unionChoices(KINDS, t, 'bulk.kind')} onChange={setKind} />
        {kind === 'assign' && (
          <SelectField
            label={t('bulk.assignTo')}
            testId="bulk-assignee"
            value={assignee}
            choices={[{ value: '', label: t('bulk.choose') }, { value: UNASSIGN, label: t('bulk.unassign') }, ...staffChoices(staff.filter((s) => s.active))]}
            onChange={setAssignee}
          />
        )}
        {kind === 'status' && (
          <SelectField label={t('bulk.newStatus')} testId="bulk-status" value={status} choices={[choose, ...unionChoices(COMPLAINT_STATUSES, t, 'status')]} onChange={setStatus} />
        )}
        {kind === 'priority' && (
          <SelectField label={t('bulk.newPriority')} testId="bulk-priority" value={priority} choices={[choose, ...unionChoices(PRIORITIES, t, 'priority')]} onChange={setPriority} />
        )}
        {kind === 'status' && status === 'RESOLVED' && (
          <label className="field">
            <span className="field-label">{t('detail.resolutionSummary')}</span>
            <input data-testid="bulk-resolution" value={resolution} maxLength={4_000} onChange={(e) => setResolution(e.target.value)} />
          </label>
        )}
        <label className="field wide">
          <span className="field-label">{t('bulk.comment')}</span>
          <input data-testid="bulk-comment" value={comment} maxLength={4_000} onChange={(e) => setComment(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="bulk-apply" disabled={busy !== null}>
            {busy ? t('bulk.applying', { done: busy.done, total: busy.total }) : t('bulk.apply')}
          </button>
          <button type="button" className="link-button" data-testid="bulk-clear" onClick={() => onSelect([])}>
            {t('bulk.clear')}
          </button>
        </div>
        {missing && (
          <p className="form-error" role="alert" data-testid="bulk-missing">
            {t('bulk.missing')}
          </p>
        )}
      </form>
      )}
      {results && (
        <div className="bulk-results" role="status" data-testid="bulk-results">
          <p>{t('bulk.summary', { applied, refused: results.length - applied })}</p>
          <ul>
            {results
              .filter((r) => !r.ok)
              .map((r) => (
                <li key={r.id} data-testid="bulk-result" data-reference={r.reference} data-ok="false" data-error={r.ok ? '' : r.error}>
                  <span dir="ltr" className="ref">
                    {r.reference}
                  </span>{' '}
                  {!r.ok && errorText(r)}
                </li>
              ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setResults(null)}>
            {t('bulk.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
