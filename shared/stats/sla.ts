import type { ComplaintFacts } from './types.ts';

/**
 * A complaint's SLA outcome, as the dashboard counts it:
 * - `excluded`: no SLA to judge — cancelled, or no due time (appreciations, not yet confirmed);
 * - `met`: resolved (or closed) at or before its due time and never flagged overdue;
 * - `breached`: flagged overdue by the SLA engine, resolved after its due time, or still open past
 *   its due time (offline the desk may not have the server's flag yet);
 * - `pending`: still open and not yet due — not counted either way.
 * Compliance is met / (met + breached).
 */
export type SlaOutcome = 'met' | 'breached' | 'pending' | 'excluded';

export function slaOutcome(f: ComplaintFacts, now: number): SlaOutcome {
  const c = f.complaint;
  if (c.status === 'CANCELLED' || c.dueAt === null) return 'excluded';
  const done = c.status === 'RESOLVED' || c.status === 'CLOSED';
  if (done) {
    if (c.overdue) return 'breached';
    // Resolved without a known time (its timeline not here yet): the server's flag is all we have.
    if (f.resolvedAt === null) return 'met';
    return f.resolvedAt <= c.dueAt ? 'met' : 'breached';
  }
  return c.overdue || now > c.dueAt ? 'breached' : 'pending';
}

export type SlaRow = { key: string; met: number; breached: number; pending: number; excluded: number; compliance: number | null };

export const emptySlaRow = (key: string): SlaRow => ({ key, met: 0, breached: 0, pending: 0, excluded: 0, compliance: null });

/** Compliance as a fraction, null when nothing has been judged yet. */
export const complianceOf = (met: number, breached: number): number | null => (met + breached === 0 ? null : met / (met + breached));

/** SLA outcomes per key (source, department …), keys in first-seen order; '' stands for none. */
export function slaBy(facts: readonly ComplaintFacts[], keyOf: (f: ComplaintFacts) => string, now: number): SlaRow[] {
  const rows = new Map<string, SlaRow>();
  for (const f of facts) {
    const key = keyOf(f);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptySlaRow(key)));
    row[slaOutcome(f, now)] += 1;
  }
  const out = [...rows.values()];
  for (const r of out) r.compliance = complianceOf(r.met, r.breached);
  return out;
}
