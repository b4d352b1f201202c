import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WireDoc } from '../shared/replication.ts';
import { IntakePage } from './pages/IntakePage.ts';
import { dumpIndexedDb } from './harness/page-tools.ts';
import { sleep, waitFor } from './harness/ports.ts';
import { protocolDesk, type ProtocolDesk } from './harness/protocol-desk.ts';
import { startWorld, USER_PASSWORD, type World } from './harness/world.ts';

type Item = { complaint: WireDoc<'complaints'>; event: WireDoc<'events'> };

/**
 * The server is killed (SIGKILL, no shutdown) while desks push. After a restart on the same
 * database and once the desks have caught up, every write the server acknowledged is there
 * exactly once, and every complaint taken at a desk reached the server.
 */
describe('server crash while desks push', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('desk_a', 'desk_agent', world.main.id);
    await world.addUser('writer', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  /** A protocol desk that keeps pushing small batches; failed batches are retried as they were. */
  function writer(desk: ProtocolDesk, label: string) {
    const acked = { complaints: new Set<string>(), events: new Set<string>() };
    const made: Item[] = [];
    const queue: Item[][] = [];
    let stop = false;
    let batches = 0;
    let failures = 0;
    const run = (async () => {
      let i = 0;
      for (;;) {
        if (queue.length === 0) {
          if (stop) return;
          try {
            await desk.ensureNumbers(new Date().getUTCFullYear(), 5);
          } catch {
            await sleep(100);
            continue;
          }
          const batch: Item[] = [];
          for (let k = 0; k < 5; k++) batch.push(desk.makeComplaint(Date.now(), `${label} complaint ${++i}`));
          made.push(...batch);
          queue.push(batch);
        }
        const batch = queue[0] as Item[];
        const result = await desk.push(batch).catch(() => ({ complaints: 0, events: 0 }));
        const ok = (s: number) => s >= 200 && s <= 299;
        if (ok(result.complaints)) for (const it of batch) acked.complaints.add(it.complaint.id);
        if (ok(result.events)) for (const it of batch) acked.events.add(it.event.id);
        if (ok(result.complaints) && ok(result.events)) {
          queue.shift();
          batches++;
        } else {
          failures++;
          await sleep(100);
        }
      }
    })();
    return {
      acked,
      made,
      batches: () => batches,
      failures: () => failures,
      finish: async () => {
        stop = true;
        await run;
      },
    };
  }

  it('keeps every acknowledged write exactly once and loses nothing taken at a desk', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('A', 'desk_a');
    await desk.shell.waitOnline();
    await desk.shell.waitPending(0);
    const intake = new IntakePage(desk.page);
    const deskRefs: string[] = [];
    const takeOne = async (n: number) => {
      await desk.shell.gotoNew();
      deskRefs.push(
        await intake.take({
          source: 'PATIENT',
          title: `Desk complaint during crash ${n}`,
          description: 'Taken at the desk while the server was being killed.',
          name: `Complainant ${n}`,
          language: 'ar',
        }),
      );
    };

    const writers = await Promise.all(
      ['W1', 'W2', 'W3'].map(async (label) =>
        writer(await protocolDesk(world.server.url, 'writer', USER_PASSWORD, world.main.id), label),
      ),
    );
    await takeOne(1);
    await waitFor('writers to get going', () => writers.every((w) => w.batches() >= 3), { timeoutMs: 60_000 });
    await takeOne(2);

    // Mid-stream: no graceful shutdown, connections cut, transactions in flight lost.
    await world.server.kill('SIGKILL');
    await takeOne(3);
    await sleep(500);
    await world.server.restart();
    await takeOne(4);
    const before = writers.map((w) => w.batches());
    await waitFor('writers to push after the restart', () => writers.every((w, i) => w.batches() >= (before[i] ?? 0) + 3), {
      timeoutMs: 60_000,
    });
    await Promise.all(writers.map((w) => w.finish()));
    // The writers were pushing while the server was down (otherwise this test proves nothing).
    expect(writers.reduce((s, w) => s + w.failures(), 0)).toBeGreaterThan(0);
    await desk.shell.waitOnline(90_000);
    await desk.shell.waitPending(0, 120_000);

    const db = new pg.Client({ connectionString: world.server.dbUrl });
    await db.connect();
    try {
      const count = async (sql: string, params: unknown[] = []) =>
        Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

      const ackedComplaints = writers.flatMap((w) => [...w.acked.complaints]);
      const ackedEvents = writers.flatMap((w) => [...w.acked.events]);
      expect(ackedComplaints.length).toBeGreaterThan(20);
      const found = await db.query<{ id: string; ref: string }>(
        `SELECT id, reference_number AS ref FROM complaints WHERE id = ANY($1::text[])`,
        [ackedComplaints],
      );
      expect(found.rows.length).toBe(ackedComplaints.length);
      const madeById = new Map(writers.flatMap((w) => w.made).map((it) => [it.complaint.id, it]));
      for (const r of found.rows) expect(r.ref).toBe(madeById.get(r.id)?.complaint.referenceNumber);
      expect(await count(`SELECT count(*) AS n FROM events WHERE id = ANY($1::text[])`, [ackedEvents])).toBe(
        ackedEvents.length,
      );

      // Every complaint made (retried until acknowledged) and every desk complaint is there, once.
      const allMade = writers.flatMap((w) => w.made);
      const allRefs = [...allMade.map((it) => it.complaint.referenceNumber), ...deskRefs];
      expect(new Set(allRefs).size).toBe(allRefs.length);
      expect(await count(`SELECT count(*) AS n FROM complaints WHERE reference_number = ANY($1::text[])`, [allRefs])).toBe(
        allRefs.length,
      );
      expect(await count(`SELECT count(*) AS n FROM complaints`)).toBe(allRefs.length);
      expect(
        await count(`SELECT count(*) AS n FROM (SELECT reference_number FROM complaints GROUP BY 1 HAVING count(*) > 1) d`),
      ).toBe(0);
      expect(
        await count(`SELECT count(*) AS n FROM (SELECT doc->>'referenceNumber' FROM complaints GROUP BY 1 HAVING count(*) > 1) d`),
      ).toBe(0);
      // One `created` event per complaint: none missing, none doubled by a replayed push.
      expect(
        await count(
          `SELECT count(*) AS n FROM complaints c WHERE (SELECT count(*) FROM events e WHERE e.complaint_id = c.id AND e.type = 'created') <> 1`,
        ),
      ).toBe(0);
      // Commit-ordered sequence numbers are never shared between two rows.
      expect(
        await count(
          `SELECT count(*) AS n FROM (SELECT seq FROM (SELECT seq FROM complaints UNION ALL SELECT seq FROM events) s GROUP BY seq HAVING count(*) > 1) d`,
        ),
      ).toBe(0);
    } finally {
      await db.end();
    }

    // What a fresh desk would pull: each complaint once.
    const pulled = await world.admin.pullAll('complaints', world.main.id);
    const ids = pulled.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(writers.reduce((s, w) => s + w.made.length, 0) + deskRefs.length);

    // The real desk caught up with everybody else's writes too.
    const sample = writers.flatMap((w) => w.made.slice(-3)).map((it) => it.complaint.referenceNumber);
    await waitFor(
      'the desk to hold the other desks’ complaints',
      async () => {
        const dump = (await dumpIndexedDb(desk.page)).map((s) => s.json).join('\n');
        return sample.every((ref) => dump.includes(ref));
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
  });
});
