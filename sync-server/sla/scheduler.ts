/**
 * The authoritative SLA scheduler (brief §2: the server decides reminders, overdue flags and
 * escalations once, whatever number of server instances share the database).
 *
 * Data
 *   The schedule itself is pure and shared with the desks: shared/sla/schedule.ts `scheduleFor`
 *   computes a complaint's actions (reminders, overdue, escalation levels) from the complaint, its
 *   timeline, its SLA policy, the hospital's escalation rules and calendar. An action counts as
 *   fired when its event is on the timeline. The server stores only each complaint's NEXT pending
 *   action in `sla_due (complaint_id pk, hospital_id, due_at, action_key)`, indexed on `due_at`.
 *   `refreshSchedule(tx, doc)` (due.ts) recomputes that row in the transaction that changes the
 *   complaint (API create/patch/transition, desk push); the row is deleted when nothing is
 *   pending. Events pushed alone (without their complaint) ask for a recheck after commit instead
 *   (`sla_recheck`), because that path must not take complaint locks after the seq lock.
 *
 * Waking (no fixed polling period)
 *   One loop per server instance. It reads the earliest `due_at` and sleeps until then. It is
 *   woken early by `LISTEN sla_due_changed`, which `storeDue` NOTIFYs (delivered at commit) when
 *   a due time is new or earlier than the stored one, and by a recheck notice. With CLOCK=manual,
 *   manual time never passes by itself, so the loop sleeps without a timer and wakes on the
 *   clock's onChange. With the system clock the sleep is capped (wake-loop.ts SAFETY_WAKE_MS), only as a net
 *   for a system clock that jumps (NTP, suspend) and for notices lost while the LISTEN connection
 *   was being reopened (it also re-reads the earliest due time when it reconnects).
 *
 * Claiming and firing (fire.ts), safe with several instances on one database
 *   A batch transaction claims up to BATCH_SIZE due complaints with
 *   `SELECT … FROM sla_due JOIN complaints … FOR UPDATE OF complaints SKIP LOCKED LIMIT n`: the
 *   complaint row lock is the claim (taken first, as every writer takes it first), and rows held
 *   by another instance or by a user's write are skipped, not waited for. With the rows locked it
 *   reads their timelines, recomputes the schedule with the current data and fires every pending
 *   action whose time has come, oldest first: the sla_reminder / sla_overdue / sla_escalated event
 *   (data: key, level, scheduledAt, late; for an escalation also target {role, userId}, resolved,
 *   and the reassignment as field assigneeId from → to), the server-owned fields (reminderLevel,
 *   lastReminderAt, overdue, escalationLevel, escalatedAt, dueAt), for an escalation the new
 *   assignee (the target resolved from the directory, sla/targets.ts; kept when nobody fits,
 *   recorded unresolved) and status ESCALATED when the workflow allows (`canEscalate`, with its
 *   status_changed event), the next due time and the notifications hook — all in that one
 *   transaction. Writes are set-based (one statement for every event of the batch, one patching
 *   every complaint) and take the global seq lock only after every read and computation.
 *
 * Lock order
 *   Complaint rows (id order) before the seq lock, in every transaction of every writer. An
 *   `sla_due` row is written only by a transaction holding its complaint's lock (or by a
 *   one-statement transaction holding nothing else), so it never closes a cycle.
 *
 * Throughput
 *   The seq lock serialises every replicated write of every instance, so a burst is bounded by
 *   the time the database takes to write the events and complaint patches; WORKERS batches are in
 *   flight per instance so that one claims, reads and plans while another writes. Measured with
 *   `npm run bench -- scheduler` (bench/scheduler.ts).
 *
 * Bursts (system clock only)
 *   Thousands of actions can fall due in the same second (a batch of complaints imported at once).
 *   Claiming, reading timelines and planning cost as much as writing, so when many complaints fall
 *   due at the next due time the loop wakes a lead time before it (proportional to their number,
 *   at most MAX_LEAD_MS) and one transaction prepares the burst ahead (fire.ts `fireAhead`): it
 *   claims the complaints, plans as of the due time, stores next due times and queues
 *   notifications; shortly before the due time (twice the writing time last measured) it takes the
 *   seq lock and writes; at the due time it commits. Nothing is visible early, and nothing is left
 *   to do at the due time but the commit. One transaction, because the seq lock writes
 *   transactions one after the other: a burst split in several would commit late by the writing
 *   time of all but the first. A burst lock keeps a second instance from splitting it. The price:
 *   a user's write to one of those complaints waits for the commit (at most the lead time), and
 *   every replicated write waits while the burst is written, as it would after the due time. A
 *   server stopped while waiting rolls back; the next instance fires the burst. With the manual
 *   clock time never passes by itself, so nothing is prepared ahead.
 *
 * Exactly once
 *   Two instances never hold the same complaint at once (row lock); whoever comes second
 *   recomputes from the committed timeline and finds the action fired. Event ids derive from the
 *   action key and are inserted with ON CONFLICT DO NOTHING, so even a retried or replayed
 *   transaction cannot write an action twice.
 *
 * Downtime
 *   On start the loop first fires everything with due_at ≤ now: what was missed fires once, its
 *   events marked `late: true` (fired more than LATE_AFTER_MS after their time).
 */
import type { ServerDeps } from '../deps.ts';
import { countDueBy, DUE_CHANNEL, earliestDue, RECHECK_CHANNEL } from './due.ts';
import { dropOrphans, fireAhead, fireDueBatch, recheck, type BatchResult } from './fire.ts';
import { isManual, sleepUntil, startWakeLoop, type RunningLoop } from './wake-loop.ts';

export const BATCH_SIZE = 500;
/** Batches in flight per instance: one claims, reads and plans while another writes. */
export const WORKERS = 2;
/** When due complaints are all held by other transactions: look again after this (contention only). */
const CONTENTION_RETRY_MS = 50;
/**
 * Preparing ahead (see "Bursts" above): the lead time is this much per complaint due at the
 * same moment (claiming, reading and planning take roughly 0.15 ms a complaint on two cores and
 * writing about 0.1 ms; with margin), never more than MAX_LEAD_MS, and nothing is prepared for
 * fewer than AHEAD_MIN_ROWS complaints (firing a few on time needs no head start).
 */
const LEAD_MS_PER_ROW = 0.4;
/** The first guess of a burst's writing time per complaint, until one has been measured. */
const WRITE_MS_PER_ROW = 0.1;
export const MAX_LEAD_MS = 5_000;
const AHEAD_MIN_ROWS = 50;
/** At most this many complaints in the one prepared transaction. */
const AHEAD_MAX_ROWS = 12_000;

export type SchedulerOptions = {
  batchSize?: number;
  workers?: number;
  /** Told after each committed batch that claimed something (benchmarks, tests). */
  onCommitted?: (result: BatchResult) => void;
  /** Lead time per complaint due at one moment (default LEAD_MS_PER_ROW; tests lengthen it). */
  leadMsPerRow?: number;
  /** Told when the transaction of a burst has prepared its complaints, before writing (tests). */
  onPrepared?: (claimed: number, fireAt: number) => void;
};

export type RunningScheduler = RunningLoop;

export async function startScheduler(deps: ServerDeps, options: SchedulerOptions = {}): Promise<RunningScheduler> {
  const { pool, clock, log } = deps;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const workers = options.workers ?? WORKERS;
  const manual = isManual(deps);
  const leadMsPerRow = options.leadMsPerRow ?? LEAD_MS_PER_ROW;
  const rechecks = new Set<string>();

  const committed = (r: BatchResult): void => {
    if (r.claimed > 0) options.onCommitted?.(r);
  };

  async function drain(isStopping: () => boolean): Promise<void> {
    const worker = async (): Promise<void> => {
      while (!isStopping()) {
        const r = await fireDueBatch(pool, clock.now(), batchSize, log);
        committed(r);
        if (r.claimed < batchSize) return;
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
  }

  // Writing time per complaint of a burst, as last measured here (starts from a guess).
  let writeMsPerRow = WRITE_MS_PER_ROW;

  /** One transaction prepares what falls due at `fireAt`, writes it just before, and commits at `fireAt`. */
  async function prepareAhead(fireAt: number, isStopping: () => boolean): Promise<number> {
    const waitUntil = async (t: number): Promise<boolean> => {
      // Short steps so that a stop is not held up by a prepared transaction.
      for (let ms = t - clock.now(); ms > 0; ms = t - clock.now()) {
        if (isStopping()) return false;
        await new Promise((r) => setTimeout(r, Math.min(ms, 50)));
      }
      return !isStopping();
    };
    const r = await fireAhead(
      pool,
      fireAt,
      {
        batchSize,
        maxRows: AHEAD_MAX_ROWS,
        // Twice the measured time: starting early only holds the seq lock longer, late is late.
        writeLeadMs: (claimed) => Math.min(MAX_LEAD_MS, 2 * claimed * writeMsPerRow),
        onPrepared: options.onPrepared,
        waitUntil,
      },
      log,
    );
    if (r.claimed >= AHEAD_MIN_ROWS && r.writeMs > 0) writeMsPerRow = r.writeMs / r.claimed;
    committed(r);
    return r.claimed;
  }

  async function runRechecks(isStopping: () => boolean): Promise<void> {
    while (rechecks.size > 0 && !isStopping()) {
      const ids = [...rechecks].slice(0, batchSize);
      for (const id of ids) rechecks.delete(id);
      committed(await recheck(pool, ids, clock.now(), log));
    }
  }

  return startWakeLoop({
    name: 'SLA scheduler',
    deps,
    channels: [DUE_CHANNEL, RECHECK_CHANNEL],
    onNotice: (channel, payload) => {
      if (channel === RECHECK_CHANNEL) for (const id of parseIds(payload)) rechecks.add(id);
    },
    async step(isStopping) {
      await runRechecks(isStopping);
      await drain(isStopping);
      const next = await earliestDue(pool);
      let now = clock.now();
      if (!manual && next !== null && next > now && next - now <= MAX_LEAD_MS) {
        const burst = await countDueBy(pool, next, AHEAD_MAX_ROWS);
        const lead = burst < AHEAD_MIN_ROWS ? 0 : Math.min(MAX_LEAD_MS, burst * leadMsPerRow);
        now = clock.now();
        if (lead > 0 && next - now <= lead) {
          // Nothing claimed: another instance holds them; it writes them at `next`.
          return (await prepareAhead(next, isStopping)) > 0 ? 0 : sleepUntil(next, clock.now(), manual);
        }
        return sleepUntil(next - lead, now, manual);
      }
      if (next === null || next > now) return sleepUntil(next === null ? null : next - MAX_LEAD_MS, now, manual);
      // Still due: held by another transaction right now (another instance, a user's write), or
      // its complaint is gone.
      await dropOrphans(pool, now);
      return CONTENTION_RETRY_MS;
    },
  });
}

function parseIds(payload: string): string[] {
  try {
    const value: unknown = JSON.parse(payload);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The background service (services.ts): one scheduler loop per server instance. */
export const schedulerService = { name: 'sla-scheduler', start: (deps: ServerDeps) => startScheduler(deps) };
