import type { ComplaintFacts } from './types.ts';

/**
 * The starts of this month and last month at local midnight, for a fixed UTC offset (minutes east
 * of UTC; Saudi Arabia keeps +180 all year). `now` is passed in: no hidden clock.
 */
export function monthStarts(now: number, offsetMinutes: number): { thisMonth: number; lastMonth: number } {
  const shift = offsetMinutes * 60_000;
  const local = new Date(now + shift);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { thisMonth: Date.UTC(y, m, 1) - shift, lastMonth: Date.UTC(y, m - 1, 1) - shift };
}

export type MonthFigures = { created: number; resolved: number; avgResolutionMs: number | null };
export type MonthComparison = { thisMonth: MonthFigures; lastMonth: MonthFigures };

/** Complaints created, and resolved (by resolution time), this month so far against last month. */
export function compareMonths(facts: readonly ComplaintFacts[], starts: { thisMonth: number; lastMonth: number }, now: number): MonthComparison {
  const acc = [0, 1].map(() => ({ created: 0, resolved: 0, totalMs: 0 }));
  const bucket = (t: number): number => (t >= starts.thisMonth && t <= now ? 0 : t >= starts.lastMonth && t < starts.thisMonth ? 1 : -1);
  for (const f of facts) {
    const created = acc[bucket(f.complaint.createdAt)];
    if (created) created.created += 1;
    if (f.resolvedAt === null) continue;
    const resolved = acc[bucket(f.resolvedAt)];
    if (resolved) {
      resolved.resolved += 1;
      resolved.totalMs += f.resolvedAt - f.complaint.createdAt;
    }
  }
  const figures = (a: { created: number; resolved: number; totalMs: number }): MonthFigures => ({
    created: a.created,
    resolved: a.resolved,
    avgResolutionMs: a.resolved ? a.totalMs / a.resolved : null,
  });
  return { thisMonth: figures(acc[0]!), lastMonth: figures(acc[1]!) };
}
