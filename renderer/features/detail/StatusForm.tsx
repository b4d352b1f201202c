import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../../shared/enums.ts';
import { allowedTransitions, type TransitionError } from '../../../shared/workflow.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { changeStatus } from './actions.ts';

/**
 * Status change. The statuses the workflow allows come first; the others are listed apart so
 * choosing one explains why it is refused instead of silently not being offered.
 */
export function StatusForm({ complaint }: { complaint: ComplaintDoc }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const [to, setTo] = useState<ComplaintStatus | ''>('');
  const [comment, setComment] = useState('');
  const [resolution, setResolution] = useState('');
  // Kept as codes, translated at render: switching language re-translates a shown error.
  const [error, setError] = useState<TransitionError | { code: 'choose' } | { code: 'save_failed'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = allowedTransitions(complaint.status);
  const others = COMPLAINT_STATUSES.filter((s) => s !== complaint.status && !allowed.includes(s));
  const isReopen = complaint.status === 'RESOLVED' && to === 'IN_PROGRESS';

  const message = (e: NonNullable<typeof error>) => {
    if (e.code === 'not_allowed') {
      const list = e.allowed.map((s) => t(`status.${s}`)).join(lang === 'ar' ? '، ' : ', ');
      return t('transition.not_allowed', { allowed: list || t('common.none') });
    }
    if (e.code === 'save_failed') return t('detail.saveFailed', { message: e.message });
    return t(`transition.${e.code}`);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return setError({ code: 'choose' });
    const result = changeStatus(complaint, { to, comment, resolution }, {
      now: Date.now(),
      user: { id: desk.user.id, displayName: desk.user.displayName || desk.user.username },
    });
    if (!result.ok) return setError(result.error);
    setBusy(true);
    try {
      await desk.writer.changeComplaint(complaint.id, result.change.patch, result.change.event);
      setError(null);
      setTo('');
      setComment('');
      setResolution('');
    } catch (err) {
      setError({ code: 'save_failed', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card status-form" onSubmit={submit} noValidate>
      <h2>{t('detail.changeStatus')}</h2>
      {allowed.length === 0 && <p className="muted">{t('detail.noTransitions')}</p>}
      <label className="field">
        <span className="field-label">{t('detail.newStatus')}</span>
        <select data-testid="status-select" value={to} onChange={(e) => setTo(e.target.value as ComplaintStatus | '')}>
          <option value="">{t('detail.chooseStatus')}</option>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
          {others.length > 0 && (
            <optgroup label={t('transition.notAllowedGroup')}>
              {others.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {to === 'RESOLVED' && (
        <label className="field">
          <span className="field-label">{t('detail.resolutionSummary')}</span>
          <textarea data-testid="status-resolution" rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} />
        </label>
      )}
      <label className="field">
        <span className="field-label">{isReopen ? t('detail.reason') : t('detail.comment')}</span>
        <textarea data-testid="status-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="status-error">
          {message(error)}
        </p>
      )}
      <button data-testid="status-submit" type="submit" className="primary" disabled={busy}>
        {t('detail.submitStatus')}
      </button>
    </form>
  );
}
