import { isActive } from '../workflow.ts';
import { complianceOf, emptySlaRow, slaOutcome, type SlaRow } from './sla.ts';
import type { ComplaintFacts } from './types.ts';

/** One hospital's headline figures, for the whole-group dashboard: how many, how many still open, its SLA. */
export type HospitalRow = SlaRow & { total: number; open: number };

/** Per hospital (key: its id), largest first; `open` counts the active statuses (not resolved, closed or cancelled). */
export function hospitalRows(facts: readonly ComplaintFacts[], now: number): HospitalRow[] {
  const rows = new Map<string, HospitalRow>();
  for (const f of facts) {
    const key = f.complaint.hospitalId;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { ...emptySlaRow(key), total: 0, open: 0 }));
    row.total += 1;
    if (isActive(f.complaint.status)) row.open += 1;
    row[slaOutcome(f, now)] += 1;
  }
  const out = [...rows.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  for (const r of out) r.compliance = complianceOf(r.met, r.breached);
  return out;
}
