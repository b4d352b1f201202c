import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EscalationRuleDoc } from '../../shared/documents.ts';
import { advanceTo, createComplaint, getComplaint, HOUR, startSlaWorld, stopSlaWorld, timelineLines, type SlaWorld } from './testing.ts';

/** Multi-level escalation from the hospital's rules, and the SLA clock pausing while a complaint waits. */
let w: SlaWorld;
beforeAll(async () => {
  w = await startSlaWorld();
});
afterAll(async () => {
  await stopSlaWorld(w);
});

async function transition(id: string, to: string): Promise<void> {
  const res = await w.srv.call('POST', `/api/v1/complaints/${id}/transitions`, { token: w.admin, body: { to } });
  expect(res.status).toBe(200);
  await w.scheduler.settled();
}

describe('SLA escalation and pauses', () => {
  it('escalates through three levels set by the rules, then stops at the maximum level', async () => {
    const rules = await w.srv.call<{ data: EscalationRuleDoc[] }>('GET', `/api/v1/sla/escalation-rules?hospitalId=${w.main.id}`, { token: w.admin });
    const byLevel = new Map(rules.body.data.map((r) => [r.level, r]));
    const patch = async (level: number, body: Record<string, unknown>) => {
      const res = await w.srv.call('PATCH', `/api/v1/sla/escalation-rules/${byLevel.get(level)?.id}`, { token: w.admin, body });
      expect(res.status).toBe(200);
    };
    await patch(1, { triggerHoursOverdue: 0 });
    await patch(2, { triggerHoursOverdue: 6 });
    await patch(3, { triggerHoursOverdue: 12, targetRole: 'named_user', targetUserId: w.staff.ceo });

    const start = w.srv.deps.clock.now();
    const { id } = await createComplaint(w, { sourceCode: 'MOH' });
    for (const h of [12, 24, 30, 36, 200]) await advanceTo(w, start, h * HOUR);
    const c = await getComplaint(w, id);
    expect(timelineLines(w, c.events, start)).toEqual([
      '00:00:00 created',
      '12:00:00 sla_reminder L1',
      '24:00:00 sla_overdue',
      '24:00:00 sla_escalated L1 department_manager=manager -→manager',
      '24:00:00 status_changed PENDING→ESCALATED',
      '30:00:00 sla_reminder L2',
      '30:00:00 sla_escalated L2 hospital_admin=hospitalAdmin manager→hospitalAdmin',
      '36:00:00 sla_escalated L3 named_user=ceo hospitalAdmin→ceo',
    ]);
    expect(c).toMatchObject({ status: 'ESCALATED', assigneeId: w.staff.ceo, escalationLevel: 3 });
    const { rows } = await w.srv.db.pool.query('SELECT 1 FROM sla_due WHERE complaint_id = $1', [id]);
    expect(rows).toHaveLength(0); // nothing left to do
  });

  it('stops the SLA clock while the complaint waits on the complainant, and moves the deadline', async () => {
    const start = w.srv.deps.clock.now();
    const { id } = await createComplaint(w, { sourceCode: 'MOH' });
    await advanceTo(w, start, 1 * HOUR);
    await transition(id, 'ASSIGNED');
    await transition(id, 'IN_PROGRESS'); // a response: no first reminder, no "24 h if no response" escalation
    await advanceTo(w, start, 2 * HOUR);
    await transition(id, 'WAITING_USER');
    await advanceTo(w, start, 11 * HOUR);
    expect((await getComplaint(w, id)).dueAt).toBe(new Date(start + 24 * HOUR).toISOString());
    await advanceTo(w, start, 12 * HOUR);
    await transition(id, 'IN_PROGRESS'); // waited 10 h
    expect((await getComplaint(w, id)).dueAt).toBe(new Date(start + 34 * HOUR).toISOString());

    for (const h of [24, 34 - 1 / 3600, 34, 40, 46 - 1 / 3600, 46]) await advanceTo(w, start, h * HOUR);
    const c = await getComplaint(w, id);
    // SLA-clock hours are wall hours minus the 10 h of waiting; the rules are those of the test above.
    expect(timelineLines(w, c.events, start)).toEqual([
      '00:00:00 created',
      '01:00:00 status_changed PENDING→ASSIGNED',
      '01:00:00 status_changed ASSIGNED→IN_PROGRESS',
      '02:00:00 status_changed IN_PROGRESS→WAITING_USER',
      '12:00:00 status_changed WAITING_USER→IN_PROGRESS',
      '34:00:00 sla_overdue',
      '34:00:00 sla_escalated L1 department_manager=manager -→manager',
      '34:00:00 status_changed IN_PROGRESS→ESCALATED',
      '40:00:00 sla_reminder L2',
      '40:00:00 sla_escalated L2 hospital_admin=hospitalAdmin manager→hospitalAdmin',
      '46:00:00 sla_escalated L3 named_user=ceo hospitalAdmin→ceo',
    ]);
  });

  it('records an escalation nobody can take as unresolved and keeps the assignee', async () => {
    const start = w.srv.deps.clock.now();
    const { id } = await createComplaint(w, { sourceCode: 'MOH', departmentId: undefined });
    await advanceTo(w, start, 24 * HOUR);
    const c = await getComplaint(w, id);
    expect(timelineLines(w, c.events, start).slice(-2)).toEqual([
      '24:00:00 sla_escalated L1 department_manager=unresolved -→-',
      '24:00:00 status_changed PENDING→ESCALATED',
    ]);
    expect(c.events.find((e) => e.type === 'sla_escalated')?.data).toMatchObject({ resolved: false, target: { role: 'department_manager', userId: null } });
    expect(c).toMatchObject({ status: 'ESCALATED', assigneeId: null, escalationLevel: 1 });
  });
});
