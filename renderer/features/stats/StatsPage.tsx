import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeDashboard, type Dashboard } from '../../../shared/stats/dashboard.ts';
import { scopeChoices, type StatsScope } from '../../../shared/stats/scope.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { localName, useDepartments, useSources, useStaff } from '../../ui/reference-data.ts';
import { statsCacheFor } from './cache.ts';
import { DashboardView } from './DashboardView.tsx';
import type { StatsNames } from './tables.ts';
import './stats.css';

type Computed = { dashboard: Dashboard; loadMs: number; computeMs: number };
const RECOMPUTE_AFTER_MS = 1_000;

const scopeKey = (s: StatsScope) => (s.kind === 'hospital' ? `h:${s.hospitalId}` : `d:${s.departmentId}`);

/**
 * The statistics dashboard, from this desk's local data (offline too). The section carries
 * data-state="ready" with data-load-ms / data-compute-ms once computed: the desk benchmark's hook.
 */
export function StatsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const departments = useDepartments(desk);
  const sources = useSources(desk);
  const staff = useStaff(desk);
  const me = staff.find((s) => s.id === desk.user.id);
  const choices = useMemo(
    () => scopeChoices({ role: desk.user.role, departmentId: me?.departmentId ?? null }, desk.hospitalId),
    [desk.user.role, desk.hospitalId, me?.departmentId],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const scope = choices.find((c) => scopeKey(c) === chosen) ?? choices[0]!;
  const key = scopeKey(scope);
  const [computed, setComputed] = useState<Computed | null>(null);

  useEffect(() => {
    const cache = statsCacheFor(desk.db);
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = performance.now();
    const run = () => {
      if (!alive) return;
      const c0 = performance.now();
      const dashboard = computeDashboard({
        complaints: [...cache.complaints.values()],
        changesByComplaint: cache.changes,
        surveysByComplaint: cache.surveys,
        scope,
        now: Date.now(),
        utcOffsetMinutes: -new Date().getTimezoneOffset(),
      });
      setComputed({ dashboard, loadMs: c0 - started, computeMs: performance.now() - c0 });
    };
    setComputed(null);
    cache.load().then(run, (e: unknown) => console.error('statistics', e));
    // Writes and replication keep the cache current; recompute once they settle.
    const off = cache.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(run, RECOMPUTE_AFTER_MS);
    });
    return () => {
      alive = false;
      off();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk.db, key]);

  const names = useMemo<StatsNames>(() => {
    const deps = new Map(departments.map((d) => [d.id, localName(d, lang)]));
    const srcs = new Map(sources.map((s) => [s.code, localName(s, lang)]));
    const people = new Map(staff.map((s) => [s.id, s.displayName || s.username]));
    return { department: (id) => deps.get(id) ?? id, source: (c) => srcs.get(c) ?? c, staff: (id) => people.get(id) ?? id };
  }, [departments, sources, staff, lang]);

  return (
    <section
      className="stats"
      data-testid="stats"
      data-state={computed ? 'ready' : 'loading'}
      data-complaints={computed?.dashboard.total}
      data-load-ms={computed ? Math.round(computed.loadMs) : undefined}
      data-compute-ms={computed ? Math.round(computed.computeMs) : undefined}
    >
      <div className="card stats-head">
        <h1>{t('stats.title')}</h1>
        {choices.length > 1 && (
          <label>
            {t('stats.scope')}{' '}
            <select data-testid="stats-scope" value={key} onChange={(e) => setChosen(e.target.value)}>
              {choices.map((c) => (
                <option key={scopeKey(c)} value={scopeKey(c)}>
                  {c.kind === 'hospital' ? t('stats.scopeHospital') : `${t('stats.scopeDepartment')} — ${names.department(c.departmentId)}`}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="muted">{t('stats.offlineNote')}</p>
      </div>
      {computed ? <DashboardView dashboard={computed.dashboard} names={names} rtl={lang === 'ar'} /> : <p className="muted">{t('stats.loading')}</p>}
    </section>
  );
}
