import { useEffect, useState } from 'react';
import { computeDashboard, type Dashboard } from '../../../shared/stats/dashboard.ts';
import type { StatsScope } from '../../../shared/stats/scope.ts';
import type { DeskSession } from '../../app/session.ts';
import { LocalStore, type DeviceLocals } from '../../db/local-store.ts';
import { useSyncStatus } from '../../ui/hooks.ts';
import { statsCacheFor } from './cache.ts';
import { loadGroupStats, type GroupView } from './group.ts';

export type LocalDashboard = { dashboard: Dashboard; loadMs: number; computeMs: number };
const RECOMPUTE_AFTER_MS = 1_000;

/** The dashboard of a scope inside the open hospital, from the desk's own data (offline too); null while loading or when `scope` is null. */
export function useLocalDashboard(desk: DeskSession, scope: StatsScope | null, key: string): LocalDashboard | null {
  const [computed, setComputed] = useState<LocalDashboard | null>(null);
  useEffect(() => {
    setComputed(null);
    if (!scope) return;
    const cache = statsCacheFor(desk.db);
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = performance.now();
    const run = () => {
      if (!alive) return;
      const c0 = performance.now();
      const dashboard = computeDashboard({
        ...cache.input(),
        scope,
        now: Date.now(),
        utcOffsetMinutes: -new Date().getTimezoneOffset(),
      });
      setComputed({ dashboard, loadMs: c0 - started, computeMs: performance.now() - c0 });
    };
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
  return computed;
}

/** The whole group's dashboard from the server, or the last one kept offline; null while asking or when not `active`. Asked again whenever the desk comes back online. */
export function useGroupDashboard(desk: DeskSession, active: boolean): GroupView | null {
  const { online } = useSyncStatus(desk.status);
  const [view, setView] = useState<GroupView | null>(null);
  useEffect(() => {
    if (!active) {
      setView(null);
      return;
    }
    let alive = true;
    loadGroupStats({
      api: desk.replication.api,
      store: new LocalStore<DeviceLocals>(desk.device),
      userId: desk.user.id,
      online,
      now: Date.now(),
      utcOffsetMinutes: -new Date().getTimezoneOffset(),
    }).then(
      (v) => alive && setView(v),
      (e: unknown) => console.error('group statistics', e),
    );
    return () => {
      alive = false;
    };
  }, [desk, active, online]);
  return view;
}
