import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/api.ts';
import { systemClock } from '../clock.ts';
import { createComplaint } from '../complaints/create.ts';
import { createPool, withTx, type Pool } from '../db/pool.ts';
import { startScheduler, type RunningScheduler, type SchedulerOptions } from './scheduler.ts';
import { HOUR, startSlaWorld, stopSlaWorld, type SlaWorld } from './testing.ts';

/**
 * A burst on the system clock is prepared ahead of its due time (scheduler.ts "Bursts"): the
 * actions become visible at their time and not before, each exactly once, and a server stopped
 * while holding a prepared burst writes nothing of it — the next one fires it on time.
 */
const N = 80; // above the scheduler's minimum for preparing ahead
let w: SlaWorld;
let user: SessionUser;

beforeAll(async () => {
  w = await startSlaWorld();
  await w.scheduler.stop(); // the world's own scheduler runs on the manual clock
  const { rows } = await w.srv.db.pool.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
  user = { id: rows[0]?.id ?? '', username: 'admin', displayName: 'Administrator', role: 'admin', hospitalId: null };
});
afterAll(async () => {
  await stopSlaWorld(w);
});

/** N MOH complaints whose first reminder (12 h after creation) falls due `inMs` from now. */
async function burstDueIn(inMs: number, tag: string): Promise<number> {
  const due = Math.ceil((Date.now() + inMs) / 1000) * 1000;
  await withTx(w.srv.db.pool, async (tx) => {
    for (let i = 0; i < N; i++) {
      const body = { hospitalId: w.main.id, sourceCode: 'MOH', departmentId: w.departmentId, title: `${tag} ${i}`, description: 'x', complainant: { name: 'C' } };
      await createComplaint(tx, user, body, null, due - 12 * HOUR);
    }
  });
  return due;
}

async function reminders(due: number): Promise<{ n: number; keys: number; atDue: number; late: number }> {
  const { rows } = await w.srv.db.pool.query<{ n: number; keys: number; at_due: number; late: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT doc->'data'->>'key')::int AS keys,
            count(*) FILTER (WHERE at = $1)::int AS at_due, count(*) FILTER (WHERE (doc->'data'->>'late')::boolean)::int AS late
     FROM events WHERE type = 'sla_reminder' AND (doc->'data'->>'scheduledAt')::bigint = $1`,
    [due],
  );
  const r = rows[0];
  return { n: r?.n ?? -1, keys: r?.keys ?? -1, atDue: r?.at_due ?? -1, late: r?.late ?? -1 };
}

function scheduler(pool: Pool, options: SchedulerOptions): Promise<RunningScheduler> {
  // A long lead per complaint so that the burst is prepared well before it is due.
  return startScheduler({ ...w.srv.deps, pool, clock: systemClock }, { leadMsPerRow: 25, ...options });
}

describe('a burst prepared ahead of its due time', () => {
  it('becomes visible at its time, not before, once, prepared whole by one of two instances', async () => {
    const due = await burstDueIn(4_000, 'Ahead');
    const pool2 = createPool(w.srv.db.url, 5);
    const prepared: number[] = [];
    const commits: number[] = [];
    const options: SchedulerOptions = { onPrepared: (claimed) => prepared.push(claimed), onCommitted: (r) => commits.push(r.committedAt) };
    const one = await scheduler(w.srv.db.pool, options);
    const two = await scheduler(pool2, options);
    try {
      // One transaction of one instance holds the whole burst: split, its parts would be written one
      // after the other under the seq lock, and all but the first would commit late.
      await expect.poll(() => prepared, { timeout: 10_000, interval: 20 }).toEqual([N]);
      // Every complaint is claimed and planned, and still nothing shows.
      expect(Date.now()).toBeLessThan(due);
      expect((await reminders(due)).n).toBe(0);
      await expect.poll(() => reminders(due), { timeout: 15_000 }).toEqual({ n: N, keys: N, atDue: N, late: 0 });
      expect(Math.min(...commits)).toBeGreaterThanOrEqual(due);
    } finally {
      await one.stop();
      await two.stop();
      await pool2.end();
    }
  });

  it('is written by nobody when the server stops holding it, and fired on time by the next', async () => {
    const due = await burstDueIn(4_000, 'Stopped');
    let prepared = 0;
    const first = await scheduler(w.srv.db.pool, { onPrepared: (claimed) => (prepared += claimed) });
    await expect.poll(() => prepared, { timeout: 10_000, interval: 20 }).toBe(N);
    await first.stop();
    expect(Date.now()).toBeLessThan(due);
    const second = await scheduler(w.srv.db.pool, {});
    try {
      await expect.poll(() => reminders(due), { timeout: 15_000 }).toEqual({ n: N, keys: N, atDue: N, late: 0 });
      await new Promise((r) => setTimeout(r, 300));
      expect((await reminders(due)).n).toBe(N);
    } finally {
      await second.stop();
    }
  });
});
