import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffNotificationDoc } from '../../shared/documents.ts';
import { pullAll } from '../complaints/fixtures.ts';
import { advanceTo, createComplaint, HOUR, PASSWORD, startSlaWorld, stopSlaWorld, type SlaWorld } from '../sla/testing.ts';

/**
 * In-app notifications from the changes that cause them, through the same path as the outbox's
 * e-mails: a new complaint tells its department's manager, an assignment the assignee, the SLA
 * engine's reminder and overdue the assignee, its escalation whoever it went to, an explanation
 * request the staff member asked.
 */
let w: SlaWorld;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  w = await startSlaWorld();
  for (const name of ['desk', 'manager', 'px']) tokens[name] = (await w.srv.login(`sla_${name}`, PASSWORD)).accessToken;
});
afterAll(async () => {
  await stopSlaWorld(w);
});

async function inbox(who: 'desk' | 'manager' | 'px', complaintId: string): Promise<string[]> {
  const { documents } = await pullAll<StaffNotificationDoc>(w.srv, tokens[who]!, 'notifications', w.main.id, 0, 2000);
  return documents.filter((n) => n.complaintId === complaintId).map((n) => `${n.kind}${n.level === null ? '' : ` L${n.level}`}`);
}

describe('in-app notifications from complaints, the SLA engine and explanation requests', () => {
  it('tell the manager, the assignee and the escalation target, each only their own, once', async () => {
    const start = w.srv.deps.clock.now();
    const c = await createComplaint(w, { sourceCode: 'MOH' });
    expect(await inbox('manager', c.id)).toEqual(['new_complaint']);

    const assign = await w.srv.call('PATCH', `/api/v1/complaints/${c.id}`, { token: w.admin, body: { assigneeId: w.staff.desk } });
    expect(assign.status).toBe(200);
    expect(await inbox('desk', c.id)).toEqual(['assigned']);

    await advanceTo(w, start, 12 * HOUR);
    expect(await inbox('desk', c.id)).toEqual(['assigned', 'reminder L1']);
    await advanceTo(w, start, 24 * HOUR);
    expect(await inbox('desk', c.id)).toEqual(['assigned', 'reminder L1', 'overdue']);
    expect(await inbox('manager', c.id)).toEqual(['new_complaint', 'escalated L1']);
    expect(await inbox('px', c.id)).toEqual([]);
  });

  it('tell the staff member asked for an explanation', async () => {
    const c = await createComplaint(w, { sourceCode: 'PATIENT' });
    const res = await w.srv.call('POST', `/api/v1/complaints/${c.id}/explanations`, { token: w.admin, body: { staffId: w.staff.desk, message: 'What happened?' } });
    expect(res.status).toBe(201);
    expect(await inbox('desk', c.id)).toEqual(['explanation_requested']);
  });
});
