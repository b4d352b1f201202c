import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { trackingPath } from '../shared/ids.ts';
import { Api } from '../e2e/harness/api.ts';
import { startPostgres } from '../e2e/harness/postgres.ts';
import { ADMIN_PASSWORD, startServer } from '../e2e/harness/server.ts';
import { HttpConnection } from './http-connection.ts';
import { loadComplaints } from './load.ts';
import type { Metric } from './metric.ts';

/**
 * `tracking`: the public tracking page under many concurrent complainants. The real server runs
 * as its own process (`sync-server/main.ts`, LOG_LEVEL=warn so request logging does not dominate)
 * on PostgreSQL holding `BENCH_N` (default 100,000) complaints of hospital MAIN, loaded set-based
 * (bench/load.ts), each with a realistic public timeline: `created`, and for those past PENDING a
 * status change and an SMS sent, plus a public reply once resolved or closed (~3 events each).
 *
 * `BENCH_CONCURRENCY` (default 32) clients on loopback, each a keep-alive HTTP/1.1 connection
 * (bench/http-connection.ts: a lean client, so the load generator takes less of the two cores it
 * shares with the server), open the tracking links of random complaints with their secrets (a
 * quarter in English) back to back for `BENCH_SECONDS` (default 15) after a 5-second warm-up (for
 * the JIT, PostgreSQL's plan caches and buffers to settle).
 * Every answer must be 200 and the complaint's page (it holds the reference; the verification
 * form never does).
 *   (By Little's law, p99 ≤ 25 ms at 3,000 req/s leaves room for about 30–60 clients in flight.)
 *   req_per_s = requests sent in the measured window / its length; p50_ms, p99_ms = their latency
 *   percentiles (a request sent before the window, e.g. across the pause to read /proc, is not one);
 *   errors = answers that were not the complaint's page. Also printed: loadavg_1m at the end, since
 *   the figures depend on what else the machine is doing, and — when PostgreSQL runs on this
 *   machine — the CPU time per request of the server process, of its database backends and of
 *   this load generator (from /proc), which depend far less on other load: on two idle cores the
 *   server alone could answer 1000 / server_cpu_ms_per_req a second (one Node thread), and the
 *   whole machine 2000 / (server + db + client) (`capacity_req_per_s`, the smaller of the two).
 */
const log = (m: string) => process.stderr.write(`bench tracking: ${m}\n`);

type Link = { path: string; reference: string };

export async function addTimelines(dbUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // The seq lock and sequence every replicated write takes (sync-server/db/replicated.ts).
    await client.query('SELECT pg_advisory_xact_lock($1)', [0x5e9_10c]);
    const { rowCount } = await client.query(`
      WITH c AS (SELECT id, hospital_id, status, created_at FROM complaints),
      e AS (
        SELECT c.id AS complaint_id, c.hospital_id, 'status_changed' AS type, c.created_at + 3600000 AS at, 'internal' AS visibility,
               jsonb_build_object('from', 'PENDING', 'to', c.status, 'comment', 'Bench: internal comment never shown') AS extra
          FROM c WHERE c.status <> 'PENDING'
        UNION ALL
        SELECT c.id, c.hospital_id, 'communication', c.created_at + 3660000, 'internal',
               jsonb_build_object('data', jsonb_build_object('channel', 'sms', 'template', 'complaint_received', 'status', 'sent', 'shownToComplainant', true, 'to', '+966••••••123'))
          FROM c WHERE c.status <> 'PENDING'
        UNION ALL
        SELECT c.id, c.hospital_id, 'reply', c.created_at + 7200000, 'public',
               jsonb_build_object('comment', 'We spoke to the clinic; the waiting times have been reviewed and we apologise.')
          FROM c WHERE c.status IN ('RESOLVED', 'CLOSED')
      ),
      g AS (SELECT gen_random_uuid()::text AS id, e.* FROM e)
      INSERT INTO events (id, hospital_id, seq, deleted, doc, complaint_id, type, at, visibility)
      SELECT g.id, g.hospital_id, nextval('repl_seq'), false,
             jsonb_build_object('id', g.id, 'complaintId', g.complaint_id, 'hospitalId', g.hospital_id, 'type', g.type, 'at', g.at,
                                'actorId', NULL, 'actorName', 'Bench', 'field', NULL, 'from', NULL, 'to', NULL, 'comment', NULL,
                                'visibility', g.visibility, 'data', '{}'::jsonb) || g.extra,
             g.complaint_id, g.type, g.at, g.visibility
        FROM g`);
    await client.query('COMMIT');
    // As autovacuum would have left them long before anyone opens a link: hint bits set and the
    // visibility map built, so the first pass over a freshly loaded table is not what is measured.
    await client.query('VACUUM (ANALYZE) complaints');
    await client.query('VACUUM (ANALYZE) events');
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

export async function links(dbUrl: string): Promise<Link[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ reference_number: string; tracking_secret: string }>('SELECT reference_number, tracking_secret FROM complaints');
    return rows.map((r) => ({ reference: r.reference_number, path: `${trackingPath(r.reference_number)}?s=${encodeURIComponent(r.tracking_secret)}` }));
  } finally {
    await client.end();
  }
}

/** CPU time (user + system) a process has used so far, in ms; 0 when it cannot be read. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The server's process: the `sync-server/main.ts` child listening on `port` (null off Linux). */
function serverPid(port: number): number | null {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('sync-server/main.ts')) continue;
        if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`PORT=${port}`)) return Number(entry);
      } catch {
        // a process that ended, or one we may not read
      }
    }
  } catch {
    // no /proc
  }
  return null;
}

async function backendPids(dbUrl: string): Promise<number[]> {
  const host = new URL(dbUrl).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') return [];
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function runTrackingBench(): Promise<Metric[]> {
  const n = Number(process.env.BENCH_N ?? 100_000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  const seconds = Number(process.env.BENCH_SECONDS ?? 15);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(concurrency) || concurrency < 1 || !(seconds > 0)) {
    throw new Error('BENCH_N and BENCH_CONCURRENCY must be positive integers, BENCH_SECONDS positive');
  }
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    const server = await startServer({ dbUrl: postgres.adminUrl, env: { CLOCK: 'system', LOG_LEVEL: 'warn', NODE_ENV: 'production' } });
    cleanups.push(() => server.stop());
    const { api: admin, session } = await Api.login(server.url, 'admin', ADMIN_PASSWORD);
    const main = await admin.hospitalByCode('MAIN');
    log(`loading ${n} complaints`);
    const loaded = await loadComplaints(server.dbUrl, { n, hospitalId: main.id, actor: { id: session.user.id, displayName: 'Bench' }, now: Date.now() });
    const added = await addTimelines(server.dbUrl);
    log(`loaded ${loaded.complaints} complaints (${(loaded.ms / 1000).toFixed(1)} s) and ${loaded.events + added} events`);
    const all = await links(server.dbUrl);

    const latencies: number[] = [];
    let errors = 0;
    let measuring = false;
    let stop = false;
    let counter = 0;
    const client = async () => {
      const connection = new HttpConnection('127.0.0.1', server.port);
      try {
        while (!stop) {
          const link = all[Math.floor(Math.random() * all.length)] as Link;
          const path = ++counter % 4 === 0 ? `${link.path}&lang=en` : link.path;
          // Counted when sent inside the measured window (its answer may come after the window).
          const counted = measuring;
          const started = process.hrtime.bigint();
          const answer = await connection.get(path);
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          // The verification form never holds a reference: finding it means this is the page.
          const wrong = answer.status !== 200 || answer.body.indexOf(link.reference) < 0;
          if (counted) {
            latencies.push(ms);
            if (wrong) errors++;
          }
        }
      } finally {
        connection.close();
      }
    };
    log(`${concurrency} clients, 5 s warm-up then ${seconds} s measured`);
    const clients = Array.from({ length: concurrency }, () => client());
    await new Promise((r) => setTimeout(r, 5_000));
    const pid = serverPid(server.port);
    const backends = await backendPids(server.dbUrl);
    const cpu = () => ({ server: pid === null ? 0 : cpuMsOf(pid), db: backends.reduce((a, b) => a + cpuMsOf(b), 0), client: process.cpuUsage() });
    // Reading /proc and the backends' pids above blocks this process: only requests sent from
    // here on count, so that pause never shows up as latency.
    const before = cpu();
    measuring = true;
    const t0 = process.hrtime.bigint();
    await new Promise((r) => setTimeout(r, seconds * 1_000));
    measuring = false;
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    const after = cpu();
    stop = true;
    await Promise.all(clients);
    const done = latencies.length;
    const clientUsage = process.cpuUsage(before.client);
    const perReq = {
      server: (after.server - before.server) / done,
      db: (after.db - before.db) / done,
      client: (clientUsage.user + clientUsage.system) / 1000 / done,
    };
    const sorted = Float64Array.from(latencies).sort();
    const load = loadavg()[0] ?? 0;
    log(`${done} answers in ${elapsed.toFixed(1)} s, ${errors} errors; load average ${load.toFixed(2)}`);
    const m = (metric: string, value: number, unit: string): Metric => ({ bench: 'tracking', metric, value, unit, n });
    return [
      m('req_per_s', Math.round(done / elapsed), 'req/s'),
      m('p50_ms', Number(percentile(sorted, 50).toFixed(2)), 'ms'),
      m('p99_ms', Number(percentile(sorted, 99).toFixed(2)), 'ms'),
      m('errors', errors, 'count'),
      m('concurrency', concurrency, 'clients'),
      m('loadavg_1m', Number(load.toFixed(2)), 'load'),
      ...(pid !== null && backends.length > 0
        ? [
            m('server_cpu_ms_per_req', Number(perReq.server.toFixed(3)), 'ms'),
            m('db_cpu_ms_per_req', Number(perReq.db.toFixed(3)), 'ms'),
            m('client_cpu_ms_per_req', Number(perReq.client.toFixed(3)), 'ms'),
            m('capacity_req_per_s', Math.round(Math.min(1000 / perReq.server, 2000 / (perReq.server + perReq.db + perReq.client))), 'req/s'),
          ]
        : []),
    ];
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
}
