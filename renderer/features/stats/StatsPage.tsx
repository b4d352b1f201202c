import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupStats } from '../../../shared/stats/group.ts';
import { scopeChoices, type StatsScope } from '../../../shared/stats/scope.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { localName, useDepartments, useSources, useStaff } from '../../ui/reference-data.ts';
import { DashboardView } from './DashboardView.tsx';
import { GroupNote } from './GroupNote.tsx';
import type { StatsNames } from './tables.ts';
import { useGroupDashboard, useLocalDashboard } from './use-dashboards.ts';
import './stats.css';

const scopeKey = (s: StatsScope) => (s.kind === 'group' ? 'g' : s.kind === 'hospital' ? `h:${s.hospitalId}` : `d:${s.departmentId}`);

/**
 * The statistics dashboard, from this desk's local data (offline too); for group-level users also
 * the whole group, from the server (the last answer kept offline). The section carries
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
    () => scopeChoices({ role: desk.user.role, departmentId: me?.departmentId ?? null, hospitalId: desk.user.hospitalId }, desk.hospitalId),
    [desk.user.role, desk.user.hospitalId, desk.hospitalId, me?.departmentId],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const scope = choices.find((c) => scopeKey(c) === chosen) ?? choices[0]!;
  const key = scopeKey(scope);
  const group = scope.kind === 'group';
  const local = useLocalDashboard(desk, group ? null : scope, key);
  const groupView = useGroupDashboard(desk, group);
  const answer: GroupStats | null = group && groupView?.state === 'ready' ? groupView.answer : null;
  const dashboard = group ? (answer?.dashboard ?? null) : (local?.dashboard ?? null);

  const names = useMemo<StatsNames>(() => {
    const deps = new Map([...(answer?.departments ?? []), ...departments].map((d) => [d.id, localName(d, lang)]));
    const srcs = new Map(sources.map((s) => [s.code, localName(s, lang)]));
    const people = new Map<string, string>([...(answer?.staff ?? []).map((s) => [s.id, s.displayName] as const), ...staff.map((s) => [s.id, s.displayName || s.username] as const)]);
    const hospitals = new Map([...(answer?.hospitals ?? []), ...desk.hospitals].map((h) => [h.id, localName(h, lang)]));
    return {
      department: (id) => deps.get(id) ?? id,
      source: (c) => srcs.get(c) ?? c,
      staff: (id) => people.get(id) ?? id,
      hospital: (id) => hospitals.get(id) ?? id,
    };
  }, [answer, departments, sources, staff, desk.hospitals, lang]);

  const label = (c: StatsScope) =>
    c.kind === 'group' ? t('stats.scopeGroup') : c.kind === 'hospital' ? t('stats.scopeHospital') : `${t('stats.scopeDepartment')} — ${names.department(c.departmentId)}`;
  return (
    <section
      className="stats"
      data-testid="stats"
      data-scope={scope.kind}
      data-state={dashboard ? 'ready' : group && groupView ? 'unavailable' : 'loading'}
      data-complaints={dashboard?.total}
      data-load-ms={local ? Math.round(local.loadMs) : undefined}
      data-compute-ms={local ? Math.round(local.computeMs) : undefined}
    >
      <div className="card stats-head">
        <h1>{t('stats.title')}</h1>
        {choices.length > 1 && (
          <label>
            {t('stats.scope')}{' '}
            <select data-testid="stats-scope" value={key} onChange={(e) => setChosen(e.target.value)}>
              {choices.map((c) => (
                <option key={scopeKey(c)} value={scopeKey(c)}>
                  {label(c)}
                </option>
              ))}
            </select>
          </label>
        )}
        {group ? <GroupNote view={groupView} lang={lang} /> : <p className="muted">{t('stats.offlineNote')}</p>}
      </div>
      {dashboard ? (
        <DashboardView dashboard={dashboard} names={names} rtl={lang === 'ar'} group={group} />
      ) : (
        !group && <p className="muted">{t('stats.loading')}</p>
      )}
    </section>
  );
}
