import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/stats/dashboard.ts';
import { hrefFor } from '../../app/router.ts';
import { BarChart, type ChartRow } from './BarChart.tsx';
import { StatsTable, type TableData } from './StatsTable.tsx';
import { dashboardTables, hoursOf, percent, scoreOf, type StatsNames } from './tables.ts';

/** Count charts draw the first column as labels and the second as the value. */
const countRows = (data: TableData): ChartRow[] => data.rows.map((r) => ({ label: String(r[0] ?? ''), values: [Number(r[1] ?? 0)] }));

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="card stats-panel" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** `group`: the whole group's dashboard — figures by hospital, and no links to complaints this desk does not hold. */
export function DashboardView({ dashboard: d, names, rtl, group = false }: { dashboard: Dashboard; names: StatsNames; rtl: boolean; group?: boolean }) {
  const { t } = useTranslation();
  const tables = dashboardTables(d, names, t);
  const count = [{ key: 'count', label: t('stats.count') }];
  const slaSeries = [
    { key: 'met', label: t('stats.met') },
    { key: 'breached', label: t('stats.breached') },
    { key: 'pending', label: t('stats.pending') },
  ];
  const slaChart = (rows: typeof d.slaBySource, label: (k: string) => string): ChartRow[] =>
    rows.map((r) => ({ label: r.key === '' ? t('stats.none') : label(r.key), values: [r.met, r.breached, r.pending] }));
  const counts: Array<[keyof typeof tables, string]> = [
    ['status', t('stats.byStatus')],
    ['priority', t('stats.byPriority')],
    ['category', t('stats.byCategory')],
    ['source', t('stats.bySource')],
  ];
  return (
    <div className="stats-body">
      <p className="muted" data-testid="stats-total" data-total={d.total}>
        {t(group ? 'stats.computedInGroup' : 'stats.computedIn', { count: d.total })}
      </p>
      {group && (
        <Panel title={t('stats.byHospital')} testId="stats-panel-hospital">
          <BarChart title={t('stats.byHospital')} series={slaSeries} rows={slaChart(d.byHospital, (k) => names.hospital?.(k) ?? k)} rtl={rtl} testId="stats-chart-hospital" />
          <StatsTable name="hospital" caption={t('stats.byHospital')} data={tables.hospital} />
        </Panel>
      )}
      <div className="stats-grid">
        {counts.map(([name, title]) => (
          <Panel key={name} title={title} testId={`stats-panel-${name}`}>
            <BarChart title={title} series={count} rows={countRows(tables[name])} rtl={rtl} testId={`stats-chart-${name}`} />
            <StatsTable name={name} caption={title} data={tables[name]} />
          </Panel>
        ))}
      </div>
      <Panel title={t('stats.sla')} testId="stats-panel-sla">
        <p data-testid="stats-sla-summary" data-met={d.sla.met} data-breached={d.sla.breached}>
          <strong>{percent(d.sla.compliance)}</strong> · {t('stats.met')} {d.sla.met} · {t('stats.breached')} {d.sla.breached} · {t('stats.pending')}{' '}
          {d.sla.pending} · {t('stats.excluded')} {d.sla.excluded}
        </p>
        <p className="muted">{t('stats.slaDefinition')}</p>
        <div className="stats-grid">
          <div>
            <BarChart title={t('stats.slaBySource')} series={slaSeries} rows={slaChart(d.slaBySource, names.source)} rtl={rtl} testId="stats-chart-sla-source" />
            <StatsTable name="sla-by-source" caption={t('stats.slaBySource')} data={tables.slaSource} />
          </div>
          <div>
            <BarChart
              title={t('stats.slaByDepartment')}
              series={slaSeries}
              rows={slaChart(d.slaByDepartment, names.department)}
              rtl={rtl}
              testId="stats-chart-sla-department"
            />
            <StatsTable name="sla-by-department" caption={t('stats.slaByDepartment')} data={tables.slaDepartment} />
          </div>
        </div>
      </Panel>
      <div className="stats-grid">
        <Panel title={t('stats.agents')} testId="stats-panel-agents">
          <StatsTable name="agents" caption={t('stats.agents')} data={tables.agents} />
        </Panel>
        <Panel title={t('stats.months')} testId="stats-panel-months">
          <BarChart
            title={t('stats.months')}
            series={[
              { key: 'this', label: t('stats.thisMonth') },
              { key: 'last', label: t('stats.lastMonth') },
            ]}
            rows={[
              { label: t('stats.created'), values: [d.months.thisMonth.created, d.months.lastMonth.created] },
              { label: t('stats.resolved'), values: [d.months.thisMonth.resolved, d.months.lastMonth.resolved] },
            ]}
            rtl={rtl}
            testId="stats-chart-months"
          />
          <StatsTable name="months" caption={t('stats.months')} data={tables.months} />
        </Panel>
      </div>
      <div className="stats-grid">
        <Panel title={t('stats.statusTime')} testId="stats-panel-status-time">
          <BarChart
            title={`${t('stats.statusTime')} (${t('stats.avgTime')})`}
            series={[{ key: 'time', label: t('stats.avgTime') }]}
            rows={d.statusTimes.filter((r) => r.visits > 0).map((r) => ({ label: t(`status.${r.status}`), values: [hoursOf(r.avgMs)] }))}
            rtl={rtl}
            testId="stats-chart-status-time"
          />
          <StatsTable name="status-time" caption={t('stats.statusTime')} data={tables.statusTime} />
        </Panel>
        <Panel title={t('stats.waiting')} testId="stats-panel-waiting">
          <StatsTable name="waiting" caption={t('stats.waiting')} data={tables.waiting} />
          {!group && (
            <ul className="stats-links">
              {d.longestWaiting.map((w) => (
                <li key={w.complaintId}>
                  <a href={hrefFor.detail(w.complaintId)} dir="ltr">
                    {w.referenceNumber}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
      <Panel title={t('stats.survey')} testId="stats-panel-survey">
        <p data-testid="stats-survey-summary" data-responses={d.survey.responses}>
          {t('stats.surveyAverage')} <strong>{scoreOf(d.survey.average)}</strong> · {t('stats.surveyResponses')} {d.survey.responses}
        </p>
        <div className="stats-grid">
          <div>
            <BarChart title={t('stats.surveyDistribution')} series={count} rows={countRows(tables.survey)} rtl={rtl} testId="stats-chart-survey" />
            <StatsTable name="survey" caption={t('stats.surveyDistribution')} data={tables.survey} />
          </div>
          <StatsTable name="survey-by-department" caption={t('stats.surveyByDepartment')} data={tables.surveyDepartment} />
        </div>
      </Panel>
    </div>
  );
}
