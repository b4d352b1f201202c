import type { ComplaintDoc } from '../../shared/documents.ts';
import { nextDue } from '../../shared/sla/schedule.ts';
import type { ScheduledAction } from '../../shared/sla/types.ts';
import { writeComplaint } from '../complaints/store.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { SlaLoader, timelinesOf } from './context.ts';
import { scheduleOf, withDeadline } from './plan.ts';

/**
 * `sla_due`: each complaint's next pending SLA action, kept in step with the complaint in the
 * transaction that changes it. A due time that is new or earlier than the stored one is announced
 * on `sla_due_changed` (delivered at commit), so a sleeping scheduler wakes for it.
 */
export const DUE_CHANNEL = 'sla_due_changed';
/** Complaint ids whose timeline changed without the complaint (events pushed alone); see scheduler.ts. */
export const RECHECK_CHANNEL = 'sla_recheck';

export type DueEntry = { complaintId: string; hospitalId: string; next: ScheduledAction | null };

/**
 * Stores (or clears) the next due action of each complaint. The complaint rows must be locked by
 * the caller. With `announce` (the default) a due time that is new or sooner than the stored one
 * wakes the schedulers; the scheduler itself stores only later times and reads them itself.
 */
export async function storeDue(tx: Tx, entries: readonly DueEntry[], options: { announce?: boolean } = {}): Promise<void> {
  if (entries.length === 0) return;
  // Id order: two transactions storing overlapping sets never wait on each other in a cycle.
  const sorted = [...entries].sort((a, b) => (a.complaintId < b.complaintId ? -1 : a.complaintId > b.complaintId ? 1 : 0));
  const set = sorted.filter((e): e is DueEntry & { next: ScheduledAction } => e.next !== null);
  const cleared = sorted.filter((e) => e.next === null).map((e) => e.complaintId);
  let sooner = false;
  if (set.length > 0) {
    const params = [set.map((e) => e.complaintId), set.map((e) => e.hospitalId), set.map((e) => e.next.at), set.map((e) => e.next.key)];
    const upsert = `INSERT INTO sla_due AS d (complaint_id, hospital_id, due_at, action_key)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])
       ON CONFLICT (complaint_id) DO UPDATE SET hospital_id = EXCLUDED.hospital_id, due_at = EXCLUDED.due_at, action_key = EXCLUDED.action_key
         WHERE (d.due_at, d.action_key, d.hospital_id) IS DISTINCT FROM (EXCLUDED.due_at, EXCLUDED.action_key, EXCLUDED.hospital_id)`;
    if (options.announce === false) {
      await tx.query(upsert, params);
    } else {
      // Every part of a WITH sees the rows as they were before it, so `old` holds the replaced times.
      const { rows } = await tx.query<{ sooner: boolean | null }>(
        `WITH old AS (SELECT complaint_id, due_at FROM sla_due WHERE complaint_id = ANY($1::text[])),
         up AS (${upsert} RETURNING d.complaint_id, d.due_at)
         SELECT bool_or(old.due_at IS NULL OR up.due_at < old.due_at) AS sooner FROM up LEFT JOIN old USING (complaint_id)`,
        params,
      );
      sooner = rows[0]?.sooner === true;
    }
  }
  if (cleared.length > 0) await tx.query('DELETE FROM sla_due WHERE complaint_id = ANY($1::text[])', [cleared]);
  // One constant payload: PostgreSQL folds it to one notice per transaction however many rows.
  if (sooner) await tx.query('SELECT pg_notify($1, $2)', [DUE_CHANNEL, '']);
}

/**
 * Recomputes each complaint's next due SLA action from its current document and timeline and
 * stores it, in the caller's transaction. Call it after the complaint and its events are written,
 * with the complaint rows locked (or just inserted). Returns the documents as stored: when the
 * shared schedule puts the deadline elsewhere than the document says (business hours, time spent
 * waiting on the complainant), `dueAt` is corrected and the complaint written again.
 */
export async function refreshSchedules(tx: Tx, docs: readonly ComplaintDoc[], loader: SlaLoader = new SlaLoader(tx)): Promise<ComplaintDoc[]> {
  if (docs.length === 0) return [];
  const timelines = await timelinesOf(tx, docs);
  const out: ComplaintDoc[] = [];
  const due: DueEntry[] = [];
  for (const doc of docs) {
    const schedule = scheduleOf(doc, timelines.get(doc.id) ?? [], await loader.sla(doc.hospitalId));
    const stored = withDeadline(doc, schedule);
    if (stored !== doc) await writeComplaint(tx, stored);
    out.push(stored);
    due.push({ complaintId: doc.id, hospitalId: doc.hospitalId, next: nextDue(schedule) });
  }
  await storeDue(tx, due);
  return out;
}

export async function refreshSchedule(tx: Tx, doc: ComplaintDoc, loader?: SlaLoader): Promise<ComplaintDoc> {
  const [stored] = await refreshSchedules(tx, [doc], loader);
  return stored ?? doc;
}

/**
 * Asks every scheduler to recompute these complaints after this transaction commits: for writes
 * that add events without locking their complaint (a desk's event push), which must not take
 * complaint locks after the seq lock.
 */
export async function requestRecheck(tx: Tx, complaintIds: readonly string[]): Promise<void> {
  const ids = [...new Set(complaintIds)];
  // A notice carries at most 8000 bytes: ~150 ids of 40 characters each.
  for (let i = 0; i < ids.length; i += 150) {
    await tx.query('SELECT pg_notify($1, $2)', [RECHECK_CHANNEL, JSON.stringify(ids.slice(i, i + 150))]);
  }
}

export async function earliestDue(q: Queryable): Promise<number | null> {
  const { rows } = await q.query<{ due_at: number | null }>('SELECT min(due_at) AS due_at FROM sla_due');
  return rows[0]?.due_at ?? null;
}

/** How many complaints are due by `at`, counting no further than `cap`. */
export async function countDueBy(q: Queryable, at: number, cap: number): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM sla_due WHERE due_at <= $1 LIMIT $2) d', [at, cap]);
  return rows[0]?.n ?? 0;
}
