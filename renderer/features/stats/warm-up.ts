import { computeDashboard } from '../../../shared/stats/dashboard.ts';
import type { StatsCache } from './cache.ts';

/** Changes must have stopped this long (a first sync arrives in many batches). */
const QUIET_MS = 3_000;
/** Below this the computation is quick even when cold. */
const MIN_COMPLAINTS = 1_000;
/** Warmed again once the data has grown by this factor since the last warm-up. */
const GROWTH = 1.5;

export type WarmUpOptions = {
  now: () => number;
  /** Runs the work when the page is idle (`requestIdleCallback` in the desk). */
  whenIdle?: (work: () => void) => void;
  quietMs?: number;
  minComplaints?: number;
  /** Tests: told of each warm-up, with the number of complaints computed over. */
  onWarm?: (complaints: number) => void;
};

const idle = (work: () => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 10_000 });
  else setTimeout(work, 0);
};

/**
 * Why: the first dashboard computation of a session runs in the JavaScript engine's unoptimised
 * tiers and takes about three times as long as later ones (at 100,000 complaints, some 400 ms
 * against 130 ms). Computing it once in idle time, when the cache holds its data and changes have
 * stopped, has that code compiled before anyone opens the dashboard; again when the data has
 * grown by half since (a desk's first sync), so the compiled code fits what will be shown. The
 * result is thrown away: the dashboard computes afresh, as of when it is opened. Returns a stop.
 */
export function keepDashboardWarm(cache: StatsCache, o: WarmUpOptions): () => void {
  const quietMs = o.quietMs ?? QUIET_MS;
  const minComplaints = o.minComplaints ?? MIN_COMPLAINTS;
  const whenIdle = o.whenIdle ?? idle;
  let warmedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const warm = () => {
    const size = cache.complaints.size;
    if (stopped || size < minComplaints || size < warmedAt * GROWTH) return;
    warmedAt = size;
    computeDashboard({
      ...cache.input(),
      scope: { kind: 'group' },
      now: o.now(),
      utcOffsetMinutes: 0,
    });
    o.onWarm?.(size);
  };
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => whenIdle(warm), quietMs);
  };
  const off = cache.onChange(settle);
  cache.load().then(settle, () => undefined);
  return () => {
    stopped = true;
    clearTimeout(timer);
    off();
  };
}
