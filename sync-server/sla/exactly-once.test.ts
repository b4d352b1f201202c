import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/api.ts';
import { createComplaint } from '../complaints/create.ts';
import { createPool, withTx } from '../db/pool.ts';
import { startScheduler, type RunningScheduler } from './scheduler.ts';
import { HOUR, startSlaWorld, stopSlaWorld, type SlaWorld } from './testing.ts';

/**
 * Every action fires exactly once: across a restart in the middle of a burst, after downtime
 * (fired late, once), with two scheduler instances on one database, and when the stored due
 * times are replayed.
 */
const N = 300;
let w: SlaWorld;
let start: number;

beforeAll(async () => {
  w = await startSlaWorld({ batchSize: 25, workers: 1 });
  start = w.srv.deps.clock.now();
  const { rows } = await w.srv.db.pool.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
  const user: SessionUser = { id: rows[0]?.id ?? '', username: 'admin', displayName: 'Administrator', role: 'admin', hospitalId: null };
  for (let i = 0; i < N; i += 50) {
    await withTx(w.srv.db.pool, async (tx) => {
      for (let j = i; j < Math.min(N, i + 50); j++) {
        const body = { hospitalId: w.main.id, sourceCode: 'MOH', departmentId: w.departmentId, title: `Burst ${j}`, description: 'x', complainant: { name: 'C' } };
        await createComplaint(tx, user, body, null, start);
      }
    });
  }
});
afterAll(async () => {
  await stopSlaWorld(w);
});

type Counts = { total: number; keys: number; duplicates: number; late: number; byType: Record<string, number> };

async function counts(): Promise<Counts> {
  const { rows } = await w.srv.db.pool.query<{ type: string; key: string; n: number; late: number }>(
    `SELECT type, doc->'data'->>'key' AS key, count(*)::int AS n, count(*) FILTER (WHERE (doc->'data'->>'late')::boolean)::int AS late
     FROM events WHERE type IN ('sla_reminder', 'sla_overdue', 'sla_escalated') GROUP BY 1, 2`,
  );
  const byType: Record<string, number> = {};
  for (const r of rows) byType[r.type] = (byType[r.type] ?? 0) + r.n;
  return {
    total: rows.reduce((s, r) => s + r.n, 0),
    keys: rows.length,
    duplicates: rows.filter((r) => r.n > 1).length,
    late: rows.reduce((s, r) => s + r.late, 0),
    byType,
  };
}

describe('exactly once', () => {
  it('fires a burst interrupted by a restart once per action', async () => {
    let batches = 0;
    let stopped: Promise<void> | null = null;
    const first: RunningScheduler = await w.restartScheduler({
      batchSize: 25,
      workers: 1,
      onCommitted: () => {
        batches++;
        if (batches === 3) stopped = first.stop();
      },
    });
    w.srv.clock?.advance(12 * HOUR); // every first reminder falls due at once
    await expect.poll(() => stopped !== null, { timeout: 20_000 }).toBe(true);
    await stopped;
    const mid = await counts();
    expect(mid.total).toBeGreaterThan(0);
    expect(mid.total).toBeLessThan(N);

    const second = await w.restartScheduler({ batchSize: 25, workers: 1 });
    await second.settled();
    expect(await counts()).toEqual({ total: N, keys: N, duplicates: 0, late: 0, byType: { sla_reminder: N } });
  });

  it('fires what was missed during downtime once at start, marked late', async () => {
    await w.scheduler.stop();
    w.srv.clock?.advance(13 * HOUR); // 25 h: the 24 h overdue and escalation were missed
    const restarted = await w.restartScheduler({ batchSize: 25, workers: 1 });
    await restarted.settled();
    const c = await counts();
    expect(c).toEqual({ total: 3 * N, keys: 3 * N, duplicates: 0, late: 2 * N, byType: { sla_reminder: N, sla_overdue: N, sla_escalated: N } });
    const { rows } = await w.srv.db.pool.query<{ at: number; scheduled: number }>(
      `SELECT min(at)::bigint AS at, min((doc->'data'->>'scheduledAt')::bigint) AS scheduled FROM events WHERE type = 'sla_overdue'`,
    );
    expect(rows[0]).toEqual({ at: start + 25 * HOUR, scheduled: start + 24 * HOUR });
  });

  it('fires once with two scheduler instances on one database', async () => {
    const pool2 = createPool(w.srv.db.url, 5);
    let other: RunningScheduler | null = null;
    try {
      const fired = { one: 0, two: 0 };
      await w.restartScheduler({ batchSize: 25, workers: 2, onCommitted: (r) => (fired.one += r.fired.length) });
      other = await startScheduler({ ...w.srv.deps, pool: pool2 }, { batchSize: 25, workers: 2, onCommitted: (r) => (fired.two += r.fired.length) });
      w.srv.clock?.advance(5 * HOUR); // 30 h: every second reminder
      await Promise.all([w.scheduler.settled(), other.settled()]);
      expect(await counts()).toEqual({ total: 4 * N, keys: 4 * N, duplicates: 0, late: 2 * N, byType: { sla_reminder: 2 * N, sla_overdue: N, sla_escalated: N } });
      expect(fired.one + fired.two).toBe(N);
      // Both claimed work: the burst was shared, not serialised behind one instance.
      expect(Math.min(fired.one, fired.two)).toBeGreaterThan(0);
    } finally {
      await other?.stop();
      await pool2.end();
    }
  });

  it('fires nothing again when the stored due times are replayed', async () => {
    await w.scheduler.stop();
    // As if every sla_due update had been lost: each complaint claims its first reminder is due.
    await w.srv.db.pool.query(
      `INSERT INTO sla_due (complaint_id, hospital_id, due_at, action_key)
       SELECT id, hospital_id, $1, id || ':0:first_reminder:1' FROM complaints
       ON CONFLICT (complaint_id) DO UPDATE SET due_at = EXCLUDED.due_at, action_key = EXCLUDED.action_key`,
      [start + 12 * HOUR],
    );
    const restarted = await w.restartScheduler({ batchSize: 25, workers: 2 });
    await restarted.settled();
    expect((await counts()).total).toBe(4 * N);
    const { rows } = await w.srv.db.pool.query<{ n: number; min: number }>('SELECT count(*)::int AS n, min(due_at)::bigint AS min FROM sla_due');
    // Each complaint is back on its real next action: level 2 of the default rules at 72 h.
    expect(rows[0]).toEqual({ n: N, min: start + 72 * HOUR });
  });
});
