import type { ComplaintFacts } from './types.ts';

/**
 * Per current assignee: complaints assigned to them now, how many of those are resolved or
 * closed, and the average time from creation to resolution over those whose resolution time the
 * timeline gives (null when none). Unassigned complaints are left out.
 */
export type AgentRow = { agentId: string; assigned: number; resolved: number; avgResolutionMs: number | null };

export function agentPerformance(facts: readonly ComplaintFacts[]): AgentRow[] {
  const acc = new Map<string, { assigned: number; resolved: number; timed: number; totalMs: number }>();
  for (const f of facts) {
    const id = f.complaint.assigneeId;
    if (id === null) continue;
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { assigned: 0, resolved: 0, timed: 0, totalMs: 0 }));
    a.assigned += 1;
    const s = f.complaint.status;
    if (s === 'RESOLVED' || s === 'CLOSED') a.resolved += 1;
    if (f.resolvedAt !== null) {
      a.timed += 1;
      a.totalMs += f.resolvedAt - f.complaint.createdAt;
    }
  }
  return [...acc.entries()]
    .map(([agentId, a]) => ({ agentId, assigned: a.assigned, resolved: a.resolved, avgResolutionMs: a.timed ? a.totalMs / a.timed : null }))
    .sort((x, y) => y.assigned - x.assigned || x.agentId.localeCompare(y.agentId));
}
