import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc, StaffDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import { useDesk } from '../../app/desk-context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage, useNow, useSyncStatus } from '../../ui/hooks.ts';
import { useStaff } from '../../ui/reference-data.ts';
import { canRequestExplanation } from './access.ts';
import { checkInput, failureOf, MAX_MESSAGE, requestExplanation, type ExplanationCreated, type ExplanationFailure, type ExplanationFields } from './api.ts';
import { explanationsOf, type ExplanationEntry } from './requests.ts';

/** Staff explanation requests of one complaint: the list (everyone), and the request form (the roles the server allows). */
export function ExplanationsPanel({ complaint, events }: { complaint: ComplaintDoc; events: TimelineEventDoc[] }) {
  const desk = useDesk();
  const staff = useStaff(desk);
  const now = useNow();
  const entries = useMemo(() => explanationsOf(events, now), [events, now]);
  const names = useMemo(() => new Map(staff.map((s) => [s.id, s.displayName || s.username])), [staff]);
  // A link shown after a request stops working once it is answered, expired or escalated past its holder.
  const deadLinks = useMemo(() => new Set(entries.filter((e) => e.level > 0 || e.state === 'received' || e.state === 'expired').map((e) => e.id)), [entries]);
  return (
    <section className="card" data-testid="explanations-panel">
      <ExplanationList entries={entries} names={names} />
      {canRequestExplanation(desk.user, complaint.hospitalId) && <RequestForm complaint={complaint} staff={staff} deadLinks={deadLinks} />}
    </section>
  );
}

/** The list without data access, so it renders in tests from plain entries. */
export function ExplanationList({ entries, names }: { entries: ExplanationEntry[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const who = (id: string, fallback: string | null = null) => names.get(id) ?? fallback ?? id;
  return (
    <>
      <h3>{t('explanations.title')}</h3>
      {entries.length === 0 ? (
        <p className="muted" data-testid="explanations-empty">
          {t('explanations.empty')}
        </p>
      ) : (
        <table className="sla-table">
          <thead>
            <tr>
              <th>{t('explanations.staff')}</th>
              <th>{t('explanations.holder')}</th>
              <th>{t('explanations.due')}</th>
              <th>{t('explanations.status')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="explanation-row" data-state={e.state} data-level={e.level} data-staff={e.staffId}>
                <td>
                  {who(e.staffId, e.staffName)}
                  <div className="muted">{t('explanations.requested', { at: formatDateTime(e.requestedAt, lang), by: e.requestedBy ?? t('common.unknown') })}</div>
                </td>
                <td>
                  {who(e.holderId)}
                  <div className="muted">{e.level === 0 ? t('explanations.levelStaff') : t('explanations.levelManager', { level: e.level })}</div>
                </td>
                <td>{e.dueAt === null ? t('common.none') : formatDateTime(e.dueAt, lang)}</td>
                <td>
                  <span className={`badge explanation-${e.state}`}>{t(`explanations.state.${e.state}`)}</span>
                  {e.state === 'received' && e.answeredAt !== null && <div className="muted">{formatDateTime(e.answeredAt, lang)}</div>}
                  {e.reminded && e.state === 'pending' && <div className="muted">{t('explanations.reminded')}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function RequestForm({ complaint, staff, deadLinks }: { complaint: ComplaintDoc; staff: StaffDoc[]; deadLinks: Set<string> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const { online } = useSyncStatus(desk.status);
  const [staffId, setStaffId] = useState('');
  const [message, setMessage] = useState('');
  const [fields, setFields] = useState<ExplanationFields>({});
  const [failure, setFailure] = useState<ExplanationFailure | null>(null);
  const [created, setCreated] = useState<(ExplanationCreated & { staffName: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = staff.filter((s) => s.active && (s.hospitalId === complaint.hospitalId || s.hospitalId === null));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setCreated(null);
    const input = { staffId, message };
    const problems = checkInput(input);
    setFields(problems ?? {});
    if (problems) return;
    setBusy(true);
    try {
      const answer = await requestExplanation(desk.replication.api, desk.status.getSnapshot().online, complaint.id, input);
      const person = choices.find((s) => s.id === staffId);
      setCreated({ ...answer, staffName: person ? person.displayName || person.username : staffId });
      setStaffId('');
      setMessage('');
    } catch (err) {
      const f = failureOf(err);
      setFailure(f);
      setFields(f.fields);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: keyof ExplanationFields) =>
    fields[name] && (
      <span className="field-error" role="alert" data-testid={`error-explanation-${name}`}>
        {t(`explanations.fieldError.${fields[name]}`)}
      </span>
    );

  return (
    <form onSubmit={submit} noValidate data-testid="explanation-form">
      <h3>{t('explanations.requestTitle')}</h3>
      {!online && (
        <p className="form-error" role="status" data-testid="explanation-offline">
          {t('explanations.offline')}
        </p>
      )}
      <label className="field">
        <span className="field-label">{t('explanations.staffField')}</span>
        <select data-testid="explanation-staff" value={staffId} onChange={(e) => setStaffId(e.target.value)}>
          <option value="">{t('explanations.chooseStaff')}</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName || s.username}
            </option>
          ))}
        </select>
        {fieldError('staffId')}
      </label>
      <label className="field">
        <span className="field-label">{t('explanations.messageField')}</span>
        <textarea data-testid="explanation-message" rows={3} maxLength={MAX_MESSAGE} value={message} onChange={(e) => setMessage(e.target.value)} />
        {fieldError('message')}
      </label>
      {failure && failure.code !== 'invalid' && (
        <p className="form-error" role="alert" data-testid="explanation-error">
          {t(`explanations.error.${failure.code}`)}
        </p>
      )}
      {created && !deadLinks.has(created.id) && (
        <p data-testid="explanation-created">
          {t('explanations.created', { name: created.staffName, due: formatDateTime(Date.parse(created.dueAt), lang) })}{' '}
          <a data-testid="explanation-link" dir="ltr" href={created.link} target="_blank" rel="noreferrer noopener">
            {created.link}
          </a>
        </p>
      )}
      <div className="form-actions">
        <button data-testid="explanation-submit" type="submit" className="primary" disabled={busy || !online}>
          {busy ? t('explanations.sending') : t('explanations.submit')}
        </button>
      </div>
    </form>
  );
}
