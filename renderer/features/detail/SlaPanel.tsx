import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import { useDesk } from '../../app/desk-context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage, useNow } from '../../ui/hooks.ts';
import { useCalendars, useEscalationRules, useSlaConfigs } from '../sla-admin/data.ts';
import { slaView, type SlaBasis, type SlaRow, type SlaView } from './sla-rows.ts';

export function SlaPanel({ complaint, events }: { complaint: ComplaintDoc; events: TimelineEventDoc[] }) {
  const desk = useDesk();
  const configs = useSlaConfigs(desk);
  const rules = useEscalationRules(desk);
  const calendars = useCalendars(desk);
  const { severityDefaults } = useSyncExternalStore(desk.serverInfo.subscribe, desk.serverInfo.getSnapshot, desk.serverInfo.getSnapshot);
  const now = useNow();
  const view = useMemo(
    () => (configs && rules && calendars ? slaView({ complaint, events, configs, rules, calendars, severityDefaults, now }) : null),
    [complaint, events, configs, rules, calendars, severityDefaults, now],
  );
  // Nothing until the hospital's SLA data is read: a projection without it would be wrong.
  return view ? <SlaPanelView view={view} /> : null;
}

function Basis({ basis }: { basis: SlaBasis }) {
  const { t } = useTranslation();
  const any = t('slaAdmin.any');
  const what =
    basis.kind === 'severity_default'
      ? t('sla.basis.severity_default', { severity: t(`severity.${basis.severity}`), hours: basis.hours })
      : basis.kind === 'fallback'
        ? t('sla.basis.fallback', { hours: basis.hours })
        : basis.sourceCode !== null
          ? t('sla.basis.source', { source: basis.sourceCode, hours: basis.hours })
          : t('sla.basis.severity', {
              severity: basis.severity ? t(`severity.${basis.severity}`) : any,
              priority: basis.priority ? t(`priority.${basis.priority}`) : any,
              hours: basis.hours,
            });
  return (
    <p className="muted" data-testid="sla-basis" data-kind={basis.kind} data-hours={basis.hours}>
      {what}
    </p>
  );
}

/** The panel without data access, so it renders in tests from a plain view. */
export function SlaPanelView({ view }: { view: SlaView }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="sla-panel">
      <h3>{t('sla.title')}</h3>
      {view.kind === 'schedule' && <Basis basis={view.basis} />}
      {view.kind === 'no_sla' ? (
        <p className="muted" data-testid="sla-none">
          {t('sla.noSla')}
        </p>
      ) : view.rows.length === 0 ? (
        <p className="muted">{t('sla.nothingScheduled')}</p>
      ) : (
        <table className="sla-table">
          <thead>
            <tr>
              <th>{t('sla.what')}</th>
              <th>{t('sla.projected')}</th>
              <th>{t('sla.server')}</th>
              <th>{t('sla.state')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <SlaActionRow key={row.key} row={row} />
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('sla.projectedNote')}</p>
    </section>
  );
}

function SlaActionRow({ row }: { row: SlaRow }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const what =
    row.kind === 'escalation'
      ? t('sla.kind.escalation', { level: row.level, target: row.targetRole ? t(`sla.target.${row.targetRole}`) : t('common.none') })
      : t(`sla.kind.${row.kind}`);
  let state = t(`sla.display.${row.display}`);
  if (row.display === 'done' && row.confirmed) state += ` · ${t('sla.confirmed')}`;
  if (row.display === 'cancelled' && row.cancelledBy) state += ` · ${t(`sla.cancelledBy.${row.cancelledBy}`)}`;
  return (
    <tr
      data-testid="sla-action"
      data-kind={row.kind}
      data-level={row.level}
      data-state={row.state}
      data-display={row.display}
      data-at={row.at}
      data-confirmed={String(row.confirmed)}
      data-fired-at={row.firedAt ?? ''}
      data-target={row.targetRole ?? ''}
    >
      <td>{what}</td>
      <td>{formatDateTime(row.at, lang)}</td>
      <td data-testid="sla-action-server">{row.firedAt !== null ? formatDateTime(row.firedAt, lang) : '—'}</td>
      <td className={`sla-state sla-${row.display}`}>{state}</td>
    </tr>
  );
}
