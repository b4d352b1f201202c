import pino from 'pino';
import { complaintDocSchema, type ComplaintDoc, type TimelineEventDoc } from '../shared/documents.ts';
import { newTrackingSecret, uuidv7 } from '../shared/ids.ts';
import { formatReference } from '../shared/reference-number.ts';
import { bootstrap } from '../sync-server/bootstrap.ts';
import { systemClock } from '../sync-server/clock.ts';
import { leaseBlock } from '../sync-server/complaints/references.ts';
import { complaintColumns, pick } from '../sync-server/complaints/store.ts';
import { parseConfig } from '../sync-server/config.ts';
import { migrate } from '../sync-server/db/migrate.ts';
import { createPool, withTx, type Pool } from '../sync-server/db/pool.ts';
import { writeReplicatedMany } from '../sync-server/db/replicated.ts';
import { createDepartment, createUser } from '../sync-server/directory.ts';
import { migrations } from '../sync-server/migrations/index.ts';
import { refreshSchedules } from '../sync-server/sla/due.ts';
import { rebuildSchedules } from '../sync-server/sla/rebuild.ts';
import { startScheduler, type RunningScheduler } from '../sync-server/sla/scheduler.ts';
import { benchDatabase } from './database.ts';
import type { Metric } from './metric.ts';

/**
 * `scheduler`: the SLA scheduler under a burst. The database holds `BENCH_N` (default 100,000)
 * open MOH complaints of hospital MAIN with their `created` events and their stored next actions
 * (computed by the server's own `rebuildSchedules`). `BENCH_DUE` (default 10,000) actions fall
 * due in the same second T: 60 % are first reminders (complaints created 12 h before T), 40 %
 * overdue + escalation pairs (created 24 h before T: escalating reassigns to the department
 * manager and sets ESCALATED, so each writes four events). The rest fall due hours later.
 * `BENCH_INSTANCES` (default 2) scheduler instances, each with its own pool and LISTEN
 * connection as separate servers would have, sleep until T on the system clock.
 *
 * lateness = commit of the batch that wrote the action's event − the action's due time;
 * fired_per_s = actions fired / the time the scheduler's transactions spent working on them
 * (claiming, reading, planning, writing, committing — not their waits for the due time, since a
 * burst is prepared ahead and committed at T, so "last commit − T" would say nothing; batches
 * of two workers that overlap count twice, which only lowers the figure); duplicates = action keys with more than one
 * event. PostgreSQL: the embedded one the server ships (a temp dir), or TEST_DATABASE_URL.
 */
const log = (m: string) => process.stderr.write(`bench scheduler: ${m}\n`);
const HOUR = 3_600_000;
const LOAD_BATCH = 5_000;


function complaint(i: number, createdAt: number, ref: string, hospitalId: string, departmentId: string, actorId: string): ComplaintDoc {
  return complaintDocSchema.parse({
    id: uuidv7(createdAt),
    hospitalId,
    departmentId,
    referenceNumber: ref,
    sourceCode: 'MOH',
    channel: 'phone',
    type: 'complaint',
    title: `Bench complaint ${i}: no answer from the clinic`,
    description: `Complaint ${i} loaded for the scheduler benchmark.`,
    category: null,
    severity: 'medium',
    priority: 'medium',
    status: 'PENDING',
    assigneeId: null,
    complainant: { name: `Complainant ${i}`, phone: null, email: null, language: 'ar', smsOptOut: false },
    patient: null,
    resolution: null,
    trackingSecret: newTrackingSecret(),
    deskId: 'server',
    createdAt,
    createdBy: actorId,
    updatedAt: createdAt,
    updatedBy: actorId,
    dueAt: createdAt + 24 * HOUR,
    overdue: false,
    reminderLevel: 0,
    escalationLevel: 0,
    lastReminderAt: null,
    escalatedAt: null,
    referenceConfirmed: true,
    trackingConfirmed: true,
  });
}

function createdEvent(c: ComplaintDoc, actorId: string): TimelineEventDoc {
  return {
    id: uuidv7(c.createdAt), complaintId: c.id, hospitalId: c.hospitalId, type: 'created', at: c.createdAt, actorId, actorName: 'Bench',
    field: null, from: null, to: c.status, comment: null, visibility: 'public', data: { channel: c.channel, sourceCode: c.sourceCode, via: 'api' },
  };
}

async function writeDocs(pool: Pool, docs: readonly ComplaintDoc[], actorId: string): Promise<void> {
  await withTx(pool, async (tx) => {
    await writeReplicatedMany(tx, 'complaints', docs.map((d) => ({ id: d.id, hospitalId: d.hospitalId, doc: d, columns: complaintColumns(d) })));
    const events = docs.map((d) => createdEvent(d, actorId));
    await writeReplicatedMany(tx, 'events', events.map((e) => ({ id: e.id, hospitalId: e.hospitalId, doc: e, columns: { complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility } })));
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function runSchedulerBench(): Promise<Metric[]> {
  const n = Number(process.env.BENCH_N ?? 100_000);
  const due = Number(process.env.BENCH_DUE ?? Math.min(10_000, Math.floor(n / 10)));
  const instances = Number(process.env.BENCH_INSTANCES ?? 2);
  if (!Number.isInteger(n) || n < 10 || !Number.isInteger(due) || due < 5 || due > n) throw new Error('BENCH_N ≥ 10 and 5 ≤ BENCH_DUE ≤ BENCH_N');
  const pairs = Math.floor((due * 0.4) / 2);
  const reminders = due - 2 * pairs;
  const db = await benchDatabase('sched', log);
  const pools: Pool[] = [];
  const running: RunningScheduler[] = [];
  try {
    const pool = createPool(db.url, 10);
    // A connection still closing when the embedded PostgreSQL stops must not crash the run.
    pool.on('error', () => undefined);
    pools.push(pool);
    await migrate(pool, migrations);
    const now = Date.now();
    await bootstrap(pool, { now, adminPassword: 'bench-admin-password' });
    const { rows: [main] = [] } = await pool.query<{ id: string }>(`SELECT id FROM hospitals WHERE doc->>'code' = 'MAIN'`);
    if (!main) throw new Error('no MAIN');
    const { actorId, departmentId, block } = await withTx(pool, async (tx) => {
      const manager = await createUser(tx, { username: 'bench_manager', displayName: 'Manager', role: 'department_manager', hospitalId: main.id, password: null, now });
      const dept = await createDepartment(tx, { hospitalId: main.id, code: 'BENCH', nameEn: 'Bench', nameAr: 'Bench', managerId: manager.id, now });
      const lease = await leaseBlock(tx, { year: new Date(now).getUTCFullYear(), size: n, deskId: 'bench', hospitalId: main.id, leasedBy: manager.id, now });
      return { actorId: manager.id, departmentId: dept.id, block: lease };
    });

    log(`loading ${n} open complaints and their created events`);
    let t = Date.now();
    const burstIds: string[] = [];
    for (let from = 0; from < n; from += LOAD_BATCH) {
      const docs: ComplaintDoc[] = [];
      for (let i = from; i < Math.min(n, from + LOAD_BATCH); i++) {
        // The burst's complaints get their real creation time just before T (below).
        docs.push(complaint(i, now - (i % 3_600) * 1_000, formatReference(block.year, block.start + i), main.id, departmentId, actorId));
        if (i < reminders + pairs) burstIds.push(docs[docs.length - 1]?.id as string);
      }
      await writeDocs(pool, docs, actorId);
    }
    log(`loaded in ${((Date.now() - t) / 1000).toFixed(1)} s; computing every complaint's next action`);
    t = Date.now();
    await rebuildSchedules(pool);
    log(`rebuilt ${n} schedules in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const lead = 8_000;
    const T = Math.ceil((Date.now() + lead) / 1000) * 1000;
    await pool.query(
      `UPDATE complaints c SET created_at = v.created, updated_at = v.created,
         doc = c.doc || jsonb_build_object('createdAt', v.created, 'updatedAt', v.created, 'dueAt', v.created + ${24 * HOUR})
       FROM unnest($1::text[], $2::bigint[]) AS v(id, created) WHERE c.id = v.id`,
      [burstIds, burstIds.map((_, i) => (i < reminders ? T - 12 * HOUR : T - 24 * HOUR))],
    );
    await pool.query(`UPDATE events e SET at = c.created_at, doc = e.doc || jsonb_build_object('at', c.created_at) FROM complaints c WHERE e.complaint_id = c.id AND c.id = ANY($1::text[])`, [burstIds]);
    // The complaints escalating at T had their first reminder 12 h ago, as the scheduler wrote it.
    await withTx(pool, async (tx) => {
      const at = T - 12 * HOUR;
      const sent = burstIds.slice(reminders).map((id): TimelineEventDoc => ({
        id: uuidv7(at), complaintId: id, hospitalId: main.id, type: 'sla_reminder', at, actorId: null, actorName: null, field: null, from: null,
        to: null, comment: null, visibility: 'internal', data: { key: `${id}:0:first_reminder:1`, level: 1, scheduledAt: at, late: false },
      }));
      await writeReplicatedMany(tx, 'events', sent.map((e) => ({ id: e.id, hospitalId: e.hospitalId, doc: e, columns: { complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility } })));
    });
    for (let i = 0; i < burstIds.length; i += 1_000) {
      await withTx(pool, async (tx) => {
        const { rows } = await tx.query<{ doc: unknown }>('SELECT doc FROM complaints WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [burstIds.slice(i, i + 1_000)]);
        await refreshSchedules(tx, rows.map((r) => pick<ComplaintDoc>(r.doc, Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[])));
      });
    }
    const { rows: [check] = [] } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sla_due WHERE due_at = $1', [T]);
    log(`${check?.n} complaints (${due} actions) fall due at ${new Date(T).toISOString()}, ${((T - Date.now()) / 1000).toFixed(1)} s from now`);
    if (Date.now() > T - 1_000) throw new Error('setting up took longer than the lead time');

    const lateness: number[] = [];
    let workMs = 0;
    const config = parseConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'warn' });
    for (let k = 0; k < instances; k++) {
      const p = k === 0 ? pool : createPool(db.url, 10);
      if (k > 0) {
        p.on('error', () => undefined);
        pools.push(p);
      }
      running.push(
        await startScheduler(
          { config, pool: p, clock: systemClock, log: pino({ level: 'warn' }) },
          {
            ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
            ...(process.env.BENCH_WORKERS ? { workers: Number(process.env.BENCH_WORKERS) } : {}),
            onCommitted: (r) => {
              for (const f of r.fired) lateness.push(r.committedAt - f.at);
              workMs += r.workMs;
            },
          },
        ),
      );
    }
    const deadline = T + 120_000;
    while (lateness.length < due && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(running.map((s) => s.settled()));
    log(`fired ${lateness.length} actions`);

    const { rows: [dup] = [] } = await pool.query<{ duplicates: number; events: number }>(
      `SELECT count(*) FILTER (WHERE n > 1)::int AS duplicates, coalesce(sum(n) FILTER (WHERE scheduled = $1), 0)::int AS events FROM (
         SELECT doc->'data'->>'key' AS key, max((doc->'data'->>'scheduledAt')::bigint) AS scheduled, count(*) AS n
         FROM events WHERE type IN ('sla_reminder', 'sla_overdue', 'sla_escalated') GROUP BY 1) k`,
      [T],
    );
    if (dup?.events !== due || lateness.length !== due) throw new Error(`expected ${due} fired actions, got ${lateness.length} (events ${dup?.events})`);
    lateness.sort((a, b) => a - b);
    const m = (metric: string, value: number, unit: string): Metric => ({ bench: 'scheduler', metric, value, unit, n });
    return [
      m('lateness_p50_ms', percentile(lateness, 50), 'ms'),
      m('lateness_p99_ms', percentile(lateness, 99), 'ms'),
      m('fired_per_s', Math.round(due / Math.max(0.001, workMs / 1000)), 'actions/s'),
      m('duplicates', dup.duplicates, 'count'),
    ];
  } finally {
    for (const s of running) await s.stop().catch(() => undefined);
    for (const p of pools) await p.end().catch(() => undefined);
    await db.stop().catch(() => undefined);
  }
}
