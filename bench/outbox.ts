import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { complaintDocSchema, type ComplaintDoc, type TimelineEventDoc } from '../shared/documents.ts';
import { newTrackingSecret, uuidv7 } from '../shared/ids.ts';
import { formatReference } from '../shared/reference-number.ts';
import { bootstrap } from '../sync-server/bootstrap.ts';
import { systemClock } from '../sync-server/clock.ts';
import { leaseBlock } from '../sync-server/complaints/references.ts';
import { complaintColumns } from '../sync-server/complaints/store.ts';
import { parseConfig } from '../sync-server/config.ts';
import { migrate } from '../sync-server/db/migrate.ts';
import { createPool, withTx, type Pool } from '../sync-server/db/pool.ts';
import { writeReplicatedMany } from '../sync-server/db/replicated.ts';
import { migrations } from '../sync-server/migrations/index.ts';
import { queueNotificationsForEvents } from '../sync-server/notifications/enqueue.ts';
import { installJobQueue } from '../sync-server/notifications/queue.ts';
import { GATEWAY_PASSWORD, GATEWAY_USER } from '../sync-server/notifications/testing.ts';
import { startOutbox } from '../sync-server/notifications/worker.ts';
import { benchDatabase } from './database.ts';
import type { Metric } from './metric.ts';

/**
 * `outbox`: `BENCH_SMS` (default 10,000) complainant SMS through the real outbox to a gateway on
 * loopback (the tests' fake gateway in its own process: the brief's HTTP contract, dedupes by
 * `reference`). The
 * complaints, their `created` events and their messages are written first, queued by the same
 * set-based `queueNotificationsForEvents` the server calls (`enqueue_per_s`). Then one outbox
 * runner (graphile-worker, default concurrency) starts and delivers everything: `sms_per_s` =
 * messages recorded `sent` (each with its communication event) / time from start to the last
 * one recorded; `duplicates` = gateway requests that repeated a reference already sent, plus
 * messages not ending `sent` exactly once. PostgreSQL: the embedded one (a temp dir), or
 * TEST_DATABASE_URL. `BENCH_CONCURRENCY` overrides the runner's concurrency (default 32).
 */
const log = (m: string) => process.stderr.write(`bench outbox: ${m}\n`);
const BATCH = 1_000;


type GatewayStats = { requests: number; references: number; delivered: number };

/** The fake gateway in a child process, so its work is not counted on the outbox's event loop. */
async function startGateway(): Promise<{ url: string; stats(): Promise<GatewayStats>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./outbox-gateway.ts', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    stats: async () => (await (await fetch(url)).json()) as GatewayStats,
    stop: () => child.stdin.end(),
  };
}

function complaint(i: number, now: number, ref: string, hospitalId: string, actorId: string): ComplaintDoc {
  return complaintDocSchema.parse({
    id: uuidv7(now), hospitalId, departmentId: null, referenceNumber: ref, sourceCode: 'PATIENT', channel: 'phone', type: 'complaint',
    title: `Bench complaint ${i}`, description: 'Loaded for the outbox benchmark.', category: null, severity: 'medium', priority: 'medium',
    status: 'PENDING', assigneeId: null,
    complainant: { name: `Complainant ${i}`, phone: `+9665${String(10_000_000 + i).slice(-8)}`, email: null, language: i % 4 === 0 ? 'en' : 'ar', smsOptOut: false },
    patient: null, resolution: null, trackingSecret: newTrackingSecret(), deskId: 'server', createdAt: now, createdBy: actorId, updatedAt: now,
    updatedBy: actorId, dueAt: null, overdue: false, reminderLevel: 0, escalationLevel: 0, lastReminderAt: null, escalatedAt: null,
    referenceConfirmed: true, trackingConfirmed: true,
  });
}

async function load(pool: Pool, n: number, hospitalId: string, actorId: string): Promise<number> {
  const now = Date.now();
  const block = await withTx(pool, (tx) => leaseBlock(tx, { year: new Date(now).getUTCFullYear(), size: n, deskId: 'bench', hospitalId, leasedBy: actorId, now }));
  let queueMs = 0;
  for (let from = 0; from < n; from += BATCH) {
    const docs: ComplaintDoc[] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) docs.push(complaint(i, now, formatReference(block.year, block.start + i), hospitalId, actorId));
    const events: TimelineEventDoc[] = docs.map((d) => ({
      id: uuidv7(now), complaintId: d.id, hospitalId, type: 'created', at: now, actorId, actorName: 'Bench', field: null, from: null,
      to: 'PENDING', comment: null, visibility: 'public', data: { via: 'api' },
    }));
    await withTx(pool, async (tx) => {
      const t = performance.now();
      await queueNotificationsForEvents(tx, events, new Map(docs.map((d) => [d.id, d])), now);
      queueMs += performance.now() - t;
      await writeReplicatedMany(tx, 'complaints', docs.map((d) => ({ id: d.id, hospitalId, doc: d, columns: complaintColumns(d) })));
      await writeReplicatedMany(tx, 'events', events.map((e) => ({ id: e.id, hospitalId, doc: e, columns: { complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility } })));
    });
  }
  return queueMs;
}

export async function runOutboxBench(): Promise<Metric[]> {
  const n = Number(process.env.BENCH_SMS ?? 10_000);
  if (!Number.isInteger(n) || n < 1) throw new Error('BENCH_SMS must be a positive integer');
  const db = await benchDatabase('outbox', log);
  const gw = await startGateway();
  let pool: Pool | null = null;
  try {
    pool = createPool(db.url, 10);
    pool.on('error', () => undefined);
    await migrate(pool, migrations);
    await installJobQueue(pool);
    const now = Date.now();
    await bootstrap(pool, { now, adminPassword: 'bench-admin-password' });
    const { rows: [main] = [] } = await pool.query<{ id: string }>(`SELECT id FROM hospitals WHERE doc->>'code' = 'MAIN'`);
    const { rows: [admin] = [] } = await pool.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
    if (!main || !admin) throw new Error('bootstrap made no MAIN hospital or admin');

    log(`creating ${n} complaints with a phone number and queueing their SMS`);
    const queueMs = await load(pool, n, main.id, admin.id);
    const queued = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'queued'`)).rows[0]?.n ?? 0;
    if (queued !== n) throw new Error(`expected ${n} queued messages, found ${queued}`);

    const config = parseConfig({
      NODE_ENV: 'production', LOG_LEVEL: 'silent', BASE_URL: 'https://px.example.org',
      SMS_GATEWAY_URL: gw.url, SMS_GATEWAY_USERNAME: GATEWAY_USER, SMS_GATEWAY_PASSWORD: GATEWAY_PASSWORD, SMS_GATEWAY_SENDER: 'SHCT',
    });
    const deps = { config, pool, clock: systemClock, log: pino({ level: 'silent' }) };
    let sent = 0;
    let last = 0;
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    log(`delivering ${n} SMS`);
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const outbox = await startOutbox(deps, {
      ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
      onRecorded: (results) => {
        sent += results.filter((r) => r.status === 'sent').length;
        last = performance.now();
        if (sent >= n) resolveDone();
      },
    });
    const timeout = setTimeout(() => resolveDone(), 10 * 60_000);
    await done;
    clearTimeout(timeout);
    await outbox.stop();
    const seconds = (last - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // On a shared machine the rate depends on what else runs; CPU per message does not.
    log(`${sent} sent in ${seconds.toFixed(2)} s; this process used ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU per SMS`);

    const stats = await gw.stats();
    const repeats = stats.requests - stats.references;
    const { rows: [check] = [] } = await pool.query<{ sent: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM outbox_messages WHERE status = 'sent' AND attempts = 1) AS sent,
              (SELECT count(*)::int FROM events WHERE type = 'communication') AS events`,
    );
    const duplicates = repeats + Math.abs((check?.sent ?? 0) - n) + Math.abs((check?.events ?? 0) - n) + Math.max(0, stats.delivered - n);
    log(`gateway requests ${stats.requests}, distinct references ${stats.references}; rows sent ${check?.sent}; events ${check?.events}`);
    return [
      { bench: 'outbox', metric: 'sms_per_s', value: Math.round(sent / seconds), unit: 'sms/s', n },
      { bench: 'outbox', metric: 'duplicates', value: duplicates, unit: 'count', n },
      { bench: 'outbox', metric: 'enqueue_per_s', value: Math.round(n / (queueMs / 1000)), unit: 'messages/s', n },
    ];
  } finally {
    await pool?.end().catch(() => undefined);
    gw.stop();
    await db.stop();
  }
}
