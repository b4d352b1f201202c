import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { PRIORITIES, SEVERITIES, type Priority, type Severity } from '../../../shared/enums.ts';
import { mayAssignTo, mayChange } from '../../../shared/complaint-access.ts';
import { trackingUrl } from '../../../shared/ids.ts';
import { useDesk } from '../../app/desk-context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.tsx';
import { ExplanationsPanel } from '../explanations/ExplanationsPanel.tsx';
import { TrackingLinkActions } from '../receipt/TrackingLinkActions.tsx';
import { useLanguage } from '../../ui/hooks.ts';
import { localName, useDepartments, useSources, useStaff } from '../../ui/reference-data.ts';
import { assign, changeField, type ComplaintChange } from './actions.ts';
import { useComplaint, useTimeline } from './hooks.ts';
import { SlaPanel } from './SlaPanel.tsx';
import { StatusForm } from './StatusForm.tsx';
import { Timeline, useValueNamer } from './Timeline.tsx';

export function DetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const complaint = useComplaint(desk, id);
  const events = useTimeline(desk, id);
  const departments = useDepartments(desk);
  const sources = useSources(desk);
  const staff = useStaff(desk);
  const names = useMemo(
    () => ({
      departments: new Map(departments.map((d) => [d.id, localName(d, lang)])),
      sources: new Map(sources.map((s) => [s.code, localName(s, lang)])),
      staff: new Map(staff.map((s) => [s.id, s.displayName || s.username])),
    }),
    [departments, sources, staff, lang],
  );
  const name = useValueNamer(names);

  if (complaint === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (complaint === null) return <p className="card">{t('detail.notFound')}</p>;

  const ctx = () => ({ now: Date.now(), user: { id: desk.user.id, displayName: desk.user.displayName || desk.user.username } });
  // The server refuses what this refuses (shared/complaint-access.ts): offer only what will hold.
  const actor = { id: desk.user.id, role: desk.user.role, departmentId: staff.find((s) => s.id === desk.user.id)?.departmentId ?? null };
  const refused = mayChange(actor, complaint);
  const mayAssign = (assigneeId: string | null) => assigneeId === complaint.assigneeId || mayAssignTo(actor, assigneeId) === null;
  const save = (change: ComplaintChange | null) => {
    if (change) void desk.writer.changeComplaint(complaint.id, change.patch, change.event).catch((e: unknown) => console.error(e));
  };
  const person = (uid: string | null) => (uid ? { id: uid, name: names.staff.get(uid) ?? uid } : null);
  const link = trackingUrl(desk.trackingBaseUrl, complaint.referenceNumber, complaint.trackingSecret);

  return (
    <div className="detail">
      <section className="card">
        <div className="detail-head">
          <h1 dir="ltr" data-testid="detail-reference">
            {complaint.referenceNumber}
          </h1>
          <span className={`badge status-${complaint.status}`} data-testid="detail-status" data-status={complaint.status}>
            {t(`status.${complaint.status}`)}
          </span>
          {complaint.overdue && <span className="badge overdue">{t('detail.overdue')}</span>}
          {!complaint.referenceConfirmed && <span className="muted">{t('detail.referenceUnconfirmed')}</span>}
        </div>
        <h2 dir="auto">{complaint.title}</h2>
        <dl className="facts">
          <Fact label={t('detail.priority')}>
            <select
              data-testid="detail-priority"
              disabled={refused !== null}
              value={complaint.priority}
              onChange={(e) => save(changeField(complaint, 'priority', e.target.value as Priority, ctx()))}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </Fact>
          <Fact label={t('detail.severity')}>
            <select
              data-testid="detail-severity"
              value={complaint.severity}
              onChange={(e) => save(changeField(complaint, 'severity', e.target.value as Severity, ctx()))}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          </Fact>
          <Fact label={t('detail.assignee')}>
            <select
              data-testid="assignee-select"
              disabled={refused !== null}
              value={complaint.assigneeId ?? ''}
              onChange={(e) => save(assign(complaint, person(complaint.assigneeId), person(e.target.value || null), ctx()))}
            >
              <option value="" disabled={!mayAssign(null)}>
                {t('detail.unassigned')}
              </option>
              {complaint.assigneeId && !names.staff.has(complaint.assigneeId) && (
                <option value={complaint.assigneeId}>{complaint.assigneeId}</option>
              )}
              {staff
                .filter((s) => s.active || s.id === complaint.assigneeId)
                .map((s) => (
                  <option key={s.id} value={s.id} disabled={!mayAssign(s.id)}>
                    {s.displayName || s.username}
                  </option>
                ))}
            </select>
          </Fact>
          <Fact label={t('detail.due')}>
            <span data-testid="detail-due" data-confirmed={String(complaint.dueAt !== null)}>
              {complaint.dueAt === null ? t('detail.dueUnconfirmed') : formatDateTime(complaint.dueAt, lang)}
            </span>
          </Fact>
          <Fact label={t('detail.source')}>{name('sourceCode', complaint.sourceCode)}</Fact>
          <Fact label={t('detail.channel')}>{t(`channel.${complaint.channel}`)}</Fact>
          <Fact label={t('detail.department')}>{name('departmentId', complaint.departmentId)}</Fact>
          <Fact label={t('detail.category')}>{complaint.category ?? t('common.none')}</Fact>
          <Fact label={t('detail.created')}>{formatDateTime(complaint.createdAt, lang)}</Fact>
        </dl>
        <Complainant complaint={complaint} />
        <h3>{t('detail.description')}</h3>
        <p className="prewrap" dir="auto">
          {complaint.description || t('common.none')}
        </p>
        {complaint.resolution && (
          <>
            <h3>{t('detail.resolution')}</h3>
            <p className="prewrap" dir="auto">
              {complaint.resolution}
            </p>
          </>
        )}
        <p>
          <span className="muted">{t('detail.trackingLink')}: </span>
          <a data-testid="tracking-link" dir="ltr" href={link} target="_blank" rel="noreferrer noopener">
            {link}
          </a>
        </p>
        <TrackingLinkActions complaint={complaint} />
      </section>
      {refused === null ? (
        <StatusForm key={`${complaint.id}:${complaint.status}`} complaint={complaint} />
      ) : (
        <p className="card muted" data-testid="detail-role-refused" data-reason={refused}>
          {t(`bulk.error.${refused}`)}
        </p>
      )}
      <SlaPanel complaint={complaint} events={events} />
      <ExplanationsPanel complaint={complaint} events={events} />
      <AttachmentsPanel complaint={complaint} events={events} />
      <Timeline events={events} name={name} />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Complainant({ complaint }: { complaint: ComplaintDoc }) {
  const { t } = useTranslation();
  const c = complaint.complainant;
  return (
    <dl className="facts">
      <Fact label={t('detail.complainant')}>{c.name}</Fact>
      <Fact label={t('detail.phone')}>
        <span dir="ltr">{c.phone ?? t('common.none')}</span>
      </Fact>
      <Fact label={t('detail.email')}>
        <span dir="ltr">{c.email ?? t('common.none')}</span>
      </Fact>
      <Fact label={t('detail.language')}>
        {t(`language.${c.language}`)}
        {c.smsOptOut ? ` · ${t('detail.smsOptOut')}` : ''}
      </Fact>
    </dl>
  );
}
