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
import { notifyUsers } from '../inbox/store.ts';
import type { NewStaffNotification } from '../inbox/recipients.ts';
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

export type BatchResult = {
  claimed: number;
  fired: FiredAction[];
  committedAt: number;
  /** Time spent working on the batch, waits for a due time left out (ms; for throughput figures). */
  workMs: number;
};

/** A complaint whose schedule would not settle, or that failed alone, is looked at again after this. */
export const STUCK_RETRY_MS = 5 * 60_000;

type Locked = { id: string; hospitalId: string; doc: ComplaintDoc; deleted: boolean };
type RawRow = { id: string; hospital_id: string; doc: unknown; deleted: boolean; due_at?: number };
/** Keyset position in the due order (due time, complaint id), for claiming more in one transaction. */
type DueKey = { dueAt: number; id: string };

const COMPLAINT_KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];
const toLocked = (r: RawRow): Locked => ({ id: r.id, hospitalId: r.hospital_id, doc: pick<ComplaintDoc>(r.doc, COMPLAINT_KEYS), deleted: r.deleted });

/**
 * Due complaints, oldest first; rows another transaction holds are skipped, not waited for.
 * `after` continues past rows this transaction already holds (they are not "locked" to it).
 */
async function claimDue(tx: Tx, now: number, limit: number, after: DueKey | null = null): Promise<{ rows: Locked[]; last: DueKey | null }> {
  const { rows } = await tx.query<RawRow & { due_at: number }>(
    `SELECT c.id, c.hospital_id, c.doc, c.deleted, d.due_at
     FROM sla_due d JOIN complaints c ON c.id = d.complaint_id
     WHERE d.due_at <= $1 AND (d.due_at, d.complaint_id) > ($3::bigint, $4::text)
     ORDER BY d.due_at, d.complaint_id
     LIMIT $2
     FOR UPDATE OF c SKIP LOCKED`,
    [now, limit, after?.dueAt ?? Number.MIN_SAFE_INTEGER, after?.id ?? ''],
  );
  const tail = rows[rows.length - 1];
  return { rows: rows.map(toLocked), last: tail ? { dueAt: tail.due_at, id: tail.id } : null };
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

/** A locked set of complaints with everything computed: what is left is writing it. */
type Prepared = { events: TimelineEventDoc[]; changed: { before: ComplaintDoc; after: ComplaintDoc }[]; fired: FiredAction[]; inApp: NewStaffNotification[] };

const NOTHING: Prepared = { events: [], changed: [], fired: [], inApp: [] };

/**
 * Reads, plans and stores the next due times of locked complaints, and queues their
 * notifications: everything but the replicated writes, so none of it holds the seq lock.
 */
async function prepareLocked(tx: Tx, rows: readonly Locked[], now: number, log: Log): Promise<Prepared> {
  if (rows.length === 0) return NOTHING;
  const loader = new SlaLoader(tx);
  const byComplaint = await timelinesOf(tx, rows);
  const out: Prepared = { events: [], changed: [], fired: [], inApp: [] };
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
    if (plan.changed) out.changed.push({ before: row.doc, after: plan.doc });
    out.events.push(...plan.events);
    out.fired.push(...plan.fired);
    due.push({ complaintId: row.id, hospitalId: row.hospitalId, next });
  }
  // No wake-up notice: this instance reads the earliest due time itself after the batch. An
  // sla_due row is only ever written by a holder of its complaint's lock, so the order against
  // the seq lock is free.
  await storeDue(tx, due, { announce: false });
  out.inApp = await enqueueNotifications(tx, out.fired);
  return out;
}

/** Every event and document of the prepared sets in two statements, under the seq lock held to commit. */
async function writePrepared(tx: Tx, sets: readonly Prepared[]): Promise<FiredAction[]> {
  const events = sets.flatMap((p) => p.events);
  const changed = sets.flatMap((p) => p.changed);
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
  await notifyUsers(tx, sets.flatMap((p) => p.inApp));
  return sets.flatMap((p) => p.fired);
}

async function processLocked(tx: Tx, rows: readonly Locked[], now: number, log: Log): Promise<FiredAction[]> {
  return writePrepared(tx, [await prepareLocked(tx, rows, now, log)]);
}

async function run(pool: Pool, lock: (tx: Tx) => Promise<Locked[]>, now: number, log: Log): Promise<BatchResult> {
  const started = Date.now();
  let claimed = 0;
  const fired = await withTxRetry(pool, async (tx) => {
    const rows = await lock(tx);
    claimed = rows.length;
    return processLocked(tx, rows, now, log);
  });
  const committedAt = Date.now();
  return { claimed, fired, committedAt, workMs: committedAt - started };
}

/** Fires what is due at `now` on up to `limit` complaints. */
export async function fireDueBatch(pool: Pool, now: number, limit: number, log: Log): Promise<BatchResult> {
  try {
    return await run(pool, async (tx) => (await claimDue(tx, now, limit)).rows, now, log);
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
  if (ids.length === 0) return { claimed: 0, fired: [], committedAt: Date.now(), workMs: 0 };
  try {
    return await run(pool, (tx) => lockByIds(tx, ids), now, log);
  } catch (err) {
    log.error({ err }, 'SLA recheck failed; retrying its complaints one by one');
    return fireEach(pool, ids, now, log);
  }
}

async function fireEach(pool: Pool, ids: readonly string[], now: number, log: Log): Promise<BatchResult> {
  const result: BatchResult = { claimed: 0, fired: [], committedAt: Date.now(), workMs: 0 };
  for (const id of ids) {
    try {
      const one = await run(pool, (tx) => lockByIds(tx, [id]), now, log);
      result.claimed += one.claimed;
      result.fired.push(...one.fired);
      result.committedAt = one.committedAt;
      result.workMs += one.workMs;
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

export type AheadOptions = {
  /** Rows claimed per statement. */
  batchSize: number;
  /** At most this many complaints in the one transaction. */
  maxRows: number;
  /** How long before `fireAt` to start writing, for this many complaints (see fireAhead). */
  writeLeadMs: (claimed: number) => number;
  /** Told once the complaints are claimed and planned, before anything is written. */
  onPrepared?: (claimed: number, fireAt: number) => void;
  /** Resolves once time `t` has come; false when the server is stopping (nothing is written). */
  waitUntil: (t: number) => Promise<boolean>;
};

export type AheadResult = BatchResult & { /** How long writing took, seq lock included (ms). */ writeMs: number };

/** Only one transaction prepares a burst at a time, across every instance on the database. */
const BURST_LOCK_KEY = 0x5e9_b00;

/**
 * Fires at `fireAt` what is due by then, having done all the work before it, and commits at
 * `fireAt`: one transaction claims the complaints (row locks), reads their timelines, plans the
 * actions as of `fireAt`, stores the next due times and queues the notifications; then, the
 * expected writing time before `fireAt`, it takes the seq lock and writes the events and
 * documents; then it waits for `fireAt` and commits. Nothing becomes visible before `fireAt`.
 *
 * Why one transaction, and the seq lock taken before the due time: the seq lock serialises every
 * replicated write, so a burst split over several transactions is written one after the other,
 * and all but the first commit late by the writing time of those before them. Other writers wait
 * for the seq lock while the burst is written, as they would after the due time; a user's write
 * to one of these complaints waits for the commit (the lead time is kept short and proportional
 * to the burst, see scheduler.ts). A second preparer (another instance) finds the burst lock
 * taken and leaves the burst alone.
 */
export async function fireAhead(pool: Pool, fireAt: number, options: AheadOptions, log: Log): Promise<AheadResult> {
  let claimed = 0;
  let stopped = false;
  let writeMs = 0;
  let workMs = 0;
  let commitFrom = 0;
  const fired = await withTxRetry(pool, async (tx) => {
    const started = Date.now();
    claimed = 0;
    stopped = false;
    const { rows } = await tx.query<{ mine: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS mine', [BURST_LOCK_KEY]);
    if (!rows[0]?.mine) return [];
    const sets: Prepared[] = [];
    let after: DueKey | null = null;
    while (claimed < options.maxRows) {
      const batch = await claimDue(tx, fireAt, Math.min(options.batchSize, options.maxRows - claimed), after);
      if (batch.rows.length === 0) break;
      claimed += batch.rows.length;
      after = batch.last;
      sets.push(await prepareLocked(tx, batch.rows, fireAt, log));
    }
    if (claimed === 0) return [];
    options.onPrepared?.(claimed, fireAt);
    workMs = Date.now() - started;
    if (!(await options.waitUntil(fireAt - options.writeLeadMs(claimed)))) throw new StoppingError();
    const t0 = Date.now();
    const out = await writePrepared(tx, sets);
    writeMs = Date.now() - t0;
    workMs += writeMs;
    // Rolls back when stopping: the next instance to start fires these.
    if (!(await options.waitUntil(fireAt))) throw new StoppingError();
    commitFrom = Date.now();
    return out;
  }).catch((err: unknown) => {
    if (!(err instanceof StoppingError)) throw err;
    stopped = true;
    return [];
  });
  const committedAt = Date.now();
  if (commitFrom > 0) workMs += committedAt - commitFrom;
  return { claimed: stopped ? 0 : claimed, fired, committedAt, writeMs, workMs };
}

class StoppingError extends Error {
  constructor() {
    super('stopping before the prepared SLA actions were due');
  }
}
