import type { TFunction } from 'i18next';
import type { Dashboard } from '../../../shared/stats/dashboard.ts';
import type { CountRow } from '../../../shared/stats/counts.ts';
import type { SlaRow } from '../../../shared/stats/sla.ts';
import type { TableData } from './StatsTable.tsx';

/** How the dashboard names ids and codes in the reader's language. */
export type StatsNames = {
  department(id: string): string;
  source(code: string): string;
  staff(id: string): string;
  /** Only the whole group's dashboard names hospitals (the desk knows its own). */
  hospital?(id: string): string;
};

const HOUR = 3_600_000;

/** 2 d 3 h, 5 h 12 min, 40 min: what a desk reads at a glance. */
export function formatDuration(ms: number | null, t: TFunction): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('stats.duration.d', { d, h });
  if (h > 0) return t('stats.duration.h', { h, m });
  return t('stats.duration.m', { m });
}

/** An average score to one decimal, as a survey is read: 4.3 of 5. */
export const scoreOf = (x: number | null) => (x === null ? '—' : (Math.round(x * 10) / 10).toFixed(1));

export const percent = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

export type DashboardTables = {
  status: TableData;
  priority: TableData;
  category: TableData;
  source: TableData;
  hospital: TableData;
  slaSource: TableData;
  slaDepartment: TableData;
  agents: TableData;
  months: TableData;
  statusTime: TableData;
  waiting: TableData;
  survey: TableData;
  surveyDepartment: TableData;
};

/** Every table of the dashboard, translated; the charts draw from the same rows. */
export function dashboardTables(d: Dashboard, names: StatsNames, t: TFunction): DashboardTables {
  const none = t('stats.none');
  const counts = (rows: CountRow[], label: (key: string) => string): TableData => ({
    header: [t('stats.key'), t('stats.count')],
    rows: rows.map((r) => [r.key === '' ? none : label(r.key), r.count]),
  });
  const sla = (rows: SlaRow[], label: (key: string) => string): TableData => ({
    header: [t('stats.key'), t('stats.met'), t('stats.breached'), t('stats.pending'), t('stats.excluded'), t('stats.compliance')],
    rows: rows.map((r) => [r.key === '' ? none : label(r.key), r.met, r.breached, r.pending, r.excluded, percent(r.compliance)]),
  });
  return {
    status: counts(d.byStatus, (k) => t(`status.${k}`)),
    priority: counts(d.byPriority, (k) => t(`priority.${k}`)),
    category: counts(d.byCategory, (k) => k),
    source: counts(d.bySource, names.source),
    hospital: {
      header: [t('stats.hospital'), t('stats.total'), t('stats.open'), t('stats.met'), t('stats.breached'), t('stats.pending'), t('stats.excluded'), t('stats.compliance')],
      rows: d.byHospital.map((r) => [names.hospital?.(r.key) ?? r.key, r.total, r.open, r.met, r.breached, r.pending, r.excluded, percent(r.compliance)]),
    },
    slaSource: sla(d.slaBySource, names.source),
    slaDepartment: sla(d.slaByDepartment, names.department),
    agents: {
      header: [t('stats.agent'), t('stats.assigned'), t('stats.resolved'), t('stats.avgResolution')],
      rows: d.agents.map((a) => [names.staff(a.agentId), a.assigned, a.resolved, formatDuration(a.avgResolutionMs, t)]),
    },
    months: {
      header: [t('stats.measure'), t('stats.thisMonth'), t('stats.lastMonth')],
      rows: [
        [t('stats.created'), d.months.thisMonth.created, d.months.lastMonth.created],
        [t('stats.resolved'), d.months.thisMonth.resolved, d.months.lastMonth.resolved],
        [t('stats.avgResolution'), formatDuration(d.months.thisMonth.avgResolutionMs, t), formatDuration(d.months.lastMonth.avgResolutionMs, t)],
      ],
    },
    statusTime: {
      header: [t('stats.status'), t('stats.visits'), t('stats.avgTime'), t('stats.maxTime'), t('stats.totalTime')],
      rows: d.statusTimes
        .filter((r) => r.visits > 0)
        .map((r) => [t(`status.${r.status}`), r.visits, formatDuration(r.avgMs, t), formatDuration(r.maxMs, t), formatDuration(r.totalMs, t)]),
    },
    waiting: {
      header: [t('stats.reference'), t('stats.status'), t('stats.waited')],
      rows: d.longestWaiting.map((w) => [w.referenceNumber, t(`status.${w.status}`), formatDuration(w.waitedMs, t)]),
    },
    survey: {
      header: [t('stats.surveyScore'), t('stats.surveyResponses')],
      rows: d.survey.distribution.map((r) => [String(r.score), r.count]),
    },
    surveyDepartment: {
      header: [t('stats.key'), t('stats.surveyResponses'), t('stats.surveyAverage')],
      rows: d.survey.byDepartment.map((r) => [r.key === '' ? none : names.department(r.key), r.responses, scoreOf(r.average)]),
    },
  };
}

/** Hours of an average, for a chart's bar length. */
export const hoursOf = (ms: number | null) => (ms === null ? 0 : Math.round((ms / HOUR) * 10) / 10);
