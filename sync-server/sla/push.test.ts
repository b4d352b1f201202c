import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskComplaint, deskEvent, lease, push, pushNew, wire } from '../complaints/fixtures.ts';
import { advanceTo, getComplaint, HOUR, PASSWORD, startSlaWorld, stopSlaWorld, timelineLines, type SlaWorld } from './testing.ts';

/** Complaints and events that arrive from a desk's push are scheduled like the API's. */
let w: SlaWorld;
let desk: string;
beforeAll(async () => {
  w = await startSlaWorld();
  desk = (await w.srv.login('sla_desk', PASSWORD)).accessToken;
});
afterAll(async () => {
  await stopSlaWorld(w);
});

describe('SLA schedule of pushed complaints', () => {
  it('schedules a pushed complaint, and a note pushed alone cancels the reminder it answers', async () => {
    const start = w.srv.deps.clock.now();
    const block = await lease(w.srv, desk, w.main.id);
    const make = (n: number) =>
      deskComplaint(w.main.id, block, n, w.staff.desk, start, { sourceCode: 'MOH', departmentId: w.departmentId, title: `Pushed ${n}` });
    const answered = make(0);
    const ignored = make(1);
    const state = await pushNew(w.srv, desk, answered);
    expect(state.dueAt).toBe(start + 24 * HOUR);
    await pushNew(w.srv, desk, ignored);
    for (const c of [answered, ignored]) {
      const events = [deskEvent(c, w.staff.desk, start, { to: 'PENDING' })];
      expect((await push(w.srv, desk, 'events', w.main.id, events.map((e) => ({ assumedMasterState: null, newDocumentState: wire(e) })))).status).toBe(200);
    }

    await advanceTo(w, start, 1 * HOUR);
    const note = deskEvent(answered, w.staff.desk, start + HOUR, { type: 'note', comment: 'Called the complainant', visibility: 'internal' });
    expect((await push(w.srv, desk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(note) }])).status).toBe(200);
    // The recheck runs after the push commits: the answered complaint's next action is now its deadline.
    await expect
      .poll(async () => (await w.srv.db.pool.query<{ key: string }>('SELECT action_key AS key FROM sla_due WHERE complaint_id = $1', [answered.id])).rows[0]?.key, { timeout: 10_000 })
      .toBe(`${answered.id}:0:overdue:0`);

    await advanceTo(w, start, 12 * HOUR);
    await advanceTo(w, start, 24 * HOUR);
    expect(timelineLines(w, (await getComplaint(w, answered.id)).events, start)).toEqual([
      '00:00:00 created',
      '01:00:00 note',
      '24:00:00 sla_overdue',
    ]);
    expect(timelineLines(w, (await getComplaint(w, ignored.id)).events, start)).toEqual([
      '00:00:00 created',
      '12:00:00 sla_reminder L1',
      '24:00:00 sla_overdue',
      '24:00:00 sla_escalated L1 department_manager=manager -→manager',
      '24:00:00 status_changed PENDING→ESCALATED',
    ]);
  });
});
