import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { complaintDocSchema } from '../../shared/documents.ts';
import type { ScheduledAction } from '../../shared/sla/types.ts';
import { complaintColumns, pick } from '../complaints/store.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { Pool, Tx } from '../db/pool.ts';
import { patchReplicatedMany, writeReplicatedMany } from '../db/replicated.ts';
import { SlaLoader, timelinesOf } from './context.ts';
import { storeDue, type DueEntry } from './due.ts';
import { enqueueNotifications } from './notifications.ts';
import { planFiring, type FiredAction } from './plan.ts';

/**
 * One scheduler transaction: lock a set of complaints (first, before anything else, as every
 * writer does), read their timelines, fire what is due with the shared schedule, store each
 * complaint's next due time, queue notifications, then write every event and document in two
 * set-based statements under the seq lock, held from there to commit.
 *
 * Locks: complaint rows come before the seq lock in every transaction. An `sla_due` row is only
 * written by a transaction that holds its complaint's row lock (or by a one-statement
 * transaction holding nothing else), so two transactions never wait on each other through it.
 */
export type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

export type BatchResult = { claimed: number; fired: FiredAction[]; committedAt: number };

/** A complaint whose schedule would not settle, or that failed alone, is looked at again after this. */
export const STUCK_RETRY_MS = 5 * 60_000;

type Locked = { id: string; hospitalId: string; doc: ComplaintDoc; deleted: boolean };
type RawRow = { id: string; hospital_id: string; doc: unknown; deleted: boolean };

const COMPLAINT_KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];
const toLocked = (r: RawRow): Locked => ({ id: r.id, hospitalId: r.hospital_id, doc: pick<ComplaintDoc>(r.doc, COMPLAINT_KEYS), deleted: r.deleted });

/** Due complaints, oldest first; rows another transaction holds are skipped, not waited for. */
async function claimDue(tx: Tx, now: number, limit: number): Promise<Locked[]> {
  const { rows } = await tx.query<RawRow>(
    `SELECT c.id, c.hospital_id, c.doc, c.deleted
     FROM sla_due d JOIN complaints c ON c.id = d.complaint_id
     WHERE d.due_at <= $1
     ORDER BY d.due_at
     LIMIT $2
     FOR UPDATE OF c SKIP LOCKED`,
    [now, limit],
  );
  return rows.map(toLocked);
}

async function lockByIds(tx: Tx, ids: readonly string[]): Promise<Locked[]> {
  const { rows } = await tx.query<RawRow>(
    `SELECT id, hospital_id, doc, deleted FROM complaints WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return rows.map(toLocked);
}

function changedFields(before: ComplaintDoc, after: ComplaintDoc): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of COMPLAINT_KEYS) if (before[key] !== after[key]) patch[key] = after[key];
  return patch;
}

async function processLocked(tx: Tx, rows: readonly Locked[], now: number, log: Log): Promise<FiredAction[]> {
  if (rows.length === 0) return [];
  const loader = new SlaLoader(tx);
  const byComplaint = await timelinesOf(tx, rows);
  const changed: { before: ComplaintDoc; after: ComplaintDoc }[] = [];
  const events: TimelineEventDoc[] = [];
  const fired: FiredAction[] = [];
  const due: DueEntry[] = [];
  for (const row of rows) {
    if (row.deleted) {
      due.push({ complaintId: row.id, hospitalId: row.hospitalId, next: null });
      continue;
    }
    const sla = await loader.sla(row.hospitalId);
    const dir = await loader.directory(row.hospitalId);
    const plan = planFiring(row.doc, byComplaint.get(row.id) ?? [], sla, dir, now);
    let next: ScheduledAction | null = plan.next;
    if (next !== null && next.at <= now) {
      log.warn({ complaintId: row.id, key: next.key }, 'SLA schedule did not settle; looking again later');
      next = { ...next, at: now + STUCK_RETRY_MS };
    }
    // The document was valid when stored and planFiring only sets typed fields.
    if (plan.changed) changed.push({ before: row.doc, after: plan.doc });
    events.push(...plan.events);
    fired.push(...plan.fired);
    due.push({ complaintId: row.id, hospitalId: row.hospitalId, next });
  }
  // No wake-up notice: this instance reads the earliest due time itself after the batch. Before
  // the seq lock (which serialises every replicated write of every instance): an sla_due row is
  // only ever written by a holder of its complaint's lock, so the order against seq is free.
  await storeDue(tx, due, { announce: false });
  await enqueueNotifications(tx, fired);
  // The seq lock is taken here, after every read and computation, and held to commit.
  await writeReplicatedMany(
    tx,
    'events',
    events.map((e) => ({
      id: e.id,
      hospitalId: e.hospitalId,
      doc: e,
      columns: { complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility },
    })),
    // The ids derive from the action keys: an event already there is this same action, kept as is.
    { onConflict: 'nothing' },
  );
  await patchReplicatedMany(
    tx,
    'complaints',
    changed.map(({ before, after }) => ({ id: after.id, hospitalId: after.hospitalId, patch: changedFields(before, after), columns: complaintColumns(after) })),
  );
  return fired;
}

async function run(pool: Pool, lock: (tx: Tx) => Promise<Locked[]>, now: number, log: Log): Promise<BatchResult> {
  let claimed = 0;
  const fired = await withTxRetry(pool, async (tx) => {
    const rows = await lock(tx);
    claimed = rows.length;
    return processLocked(tx, rows, now, log);
  });
  return { claimed, fired, committedAt: Date.now() };
}

/** Fires what is due at `now` on up to `limit` complaints. */
export async function fireDueBatch(pool: Pool, now: number, limit: number, log: Log): Promise<BatchResult> {
  try {
    return await run(pool, (tx) => claimDue(tx, now, limit), now, log);
  } catch (err) {
    // One bad complaint must not hold the others back: go through them one at a time.
    log.error({ err }, 'SLA batch failed; retrying its complaints one by one');
    const ids = await pool.query<{ complaint_id: string }>(
      'SELECT complaint_id FROM sla_due WHERE due_at <= $1 ORDER BY due_at LIMIT $2',
      [now, limit],
    );
    return fireEach(pool, ids.rows.map((r) => r.complaint_id), now, log);
  }
}

/** Recomputes (and fires what is due of) the named complaints, waiting for their locks. */
export async function recheck(pool: Pool, ids: readonly string[], now: number, log: Log): Promise<BatchResult> {
  if (ids.length === 0) return { claimed: 0, fired: [], committedAt: Date.now() };
  try {
    return await run(pool, (tx) => lockByIds(tx, ids), now, log);
  } catch (err) {
    log.error({ err }, 'SLA recheck failed; retrying its complaints one by one');
    return fireEach(pool, ids, now, log);
  }
}

async function fireEach(pool: Pool, ids: readonly string[], now: number, log: Log): Promise<BatchResult> {
  const result: BatchResult = { claimed: 0, fired: [], committedAt: Date.now() };
  for (const id of ids) {
    try {
      const one = await run(pool, (tx) => lockByIds(tx, [id]), now, log);
      result.claimed += one.claimed;
      result.fired.push(...one.fired);
      result.committedAt = one.committedAt;
    } catch (err) {
      log.error({ err, complaintId: id }, `SLA actions of complaint ${id} failed; looking again in ${STUCK_RETRY_MS / 60_000} min`);
      await pool
        .query('UPDATE sla_due SET due_at = $2 WHERE complaint_id = $1 AND due_at <= $3', [id, now + STUCK_RETRY_MS, now])
        .catch((e: unknown) => log.error({ err: e }, 'could not postpone a failing SLA action'));
    }
  }
  return result;
}

/** Due rows whose complaint is gone would be claimed by nobody and looked at forever. */
export async function dropOrphans(pool: Pool, now: number): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM sla_due d WHERE d.due_at <= $1 AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = d.complaint_id)`,
    [now],
  );
  return rowCount ?? 0;
}
