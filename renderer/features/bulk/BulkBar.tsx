import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDoc } from '../../../shared/documents.ts';
import { COMPLAINT_STATUSES, PRIORITIES, type ComplaintStatus, type Priority } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage } from '../../ui/hooks.ts';
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

  const applied = results?.filter((r) => r.ok).length ?? 0;
  if (selected.length === 0 && !results) return null;
  return (
    <section className="card bulk" aria-label={t('bulk.heading')} data-testid="bulk-bar">
      {selected.length > 0 && (
      <form className="bulk-form" onSubmit={submit} noValidate>
        <strong data-testid="bulk-count">{t('bulk.selected', { count: selected.length })}</strong>
        <label className="field">
          <span className="field-label">{t('bulk.action')}</span>
          <select data-testid="bulk-action" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`bulk.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'assign' && (
          <label className="field">
            <span className="field-label">{t('bulk.assignTo')}</span>
            <select data-testid="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{t('bulk.choose')}</option>
              <option value={UNASSIGN}>{t('bulk.unassign')}</option>
              {staff
                .filter((s) => s.active)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName || s.username}
                  </option>
                ))}
            </select>
          </label>
        )}
        {kind === 'status' && (
          <label className="field">
            <span className="field-label">{t('bulk.newStatus')}</span>
            <select data-testid="bulk-status" value={status} onChange={(e) => setStatus(e.target.value as ComplaintStatus | '')}>
              <option value="">{t('bulk.choose')}</option>
              {COMPLAINT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'priority' && (
          <label className="field">
            <span className="field-label">{t('bulk.newPriority')}</span>
            <select data-testid="bulk-priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority | '')}>
              <option value="">{t('bulk.choose')}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
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
