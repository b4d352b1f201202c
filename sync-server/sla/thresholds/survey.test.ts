import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ThresholdDoc } from '../../../shared/documents.ts';
import type { ComplaintDetail, EventView } from '../../complaints/view.ts';
import { withTxRetry } from '../../complaints/tx.ts';
import { withTx } from '../../db/pool.ts';
import { createHospital } from '../../directory.ts';
import { createComplaint, getComplaint, startSlaWorld, stopSlaWorld, type SlaWorld } from '../testing.ts';
import type { ThresholdBreachNotice } from './notify.ts';
import { recordSurveyResponse, type SurveyResponse, type SurveyResult } from './survey.ts';

/**
 * Survey responses against the hospital's thresholds, through the real function on PostgreSQL
 * (thresholds set through the admin API), looking at what staff would see: the complaint's
 * timeline, its assignee and escalation level.
 */
let w: SlaWorld;
let northId: string;
const notices: ThresholdBreachNotice[] = [];
const hooks = {
  notify: async (_tx: unknown, n: ThresholdBreachNotice) => {
    notices.push(n);
  },
};

beforeAll(async () => {
  w = await startSlaWorld();
  northId = await withTx(w.srv.db.pool, async (tx) => (await createHospital(tx, { code: 'NORTH', nameEn: 'North', nameAr: 'الشمال', now: w.srv.deps.clock.now() })).id);
});
afterAll(async () => {
  await stopSlaWorld(w);
});
beforeEach(async () => {
  notices.length = 0;
  for (const hospitalId of [w.main.id, northId]) {
    const list = await w.srv.call<{ data: ThresholdDoc[] }>('GET', `/api/v1/sla/thresholds?hospitalId=${hospitalId}`, { token: w.admin });
    for (const t of list.body.data) expect((await w.srv.call('DELETE', `/api/v1/sla/thresholds/${t.id}`, { token: w.admin })).status).toBe(204);
  }
});

async function threshold(body: Partial<ThresholdDoc>): Promise<ThresholdDoc> {
  const res = await w.srv.call<ThresholdDoc>('POST', '/api/v1/sla/thresholds', {
    token: w.admin,
    body: { hospitalId: w.main.id, metric: 'survey_score', operator: 'lt', value: 3, action: 'follow_up', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function call(method: string, url: string, body: unknown): Promise<void> {
  const res = await w.srv.call(method, url, { token: w.admin, body });
  expect(res.status, `${method} ${url} ${JSON.stringify(res.body)}`).toBe(200);
}

/** A complaint handled by the desk agent and closed: what a survey is sent for. */
async function closedComplaint(): Promise<ComplaintDetail> {
  const c = await createComplaint(w);
  await call('PATCH', `/api/v1/complaints/${c.id}`, { assigneeId: w.staff.desk });
  for (const to of ['ASSIGNED', 'IN_PROGRESS']) await call('POST', `/api/v1/complaints/${c.id}/transitions`, { to });
  await call('POST', `/api/v1/complaints/${c.id}/transitions`, { to: 'RESOLVED', resolution: 'Apologised and found the letter.' });
  await call('POST', `/api/v1/complaints/${c.id}/transitions`, { to: 'CLOSED' });
  return getComplaint(w, c.id);
}

function record(complaintId: string, score: number, over: Partial<SurveyResponse> = {}): Promise<SurveyResult> {
  return withTxRetry(w.srv.db.pool, (tx) =>
    recordSurveyResponse(tx, { complaintId, score, comment: 'They never called me back.', now: w.srv.deps.clock.now(), ...over }, hooks));
}

const ofType = (c: ComplaintDetail, type: EventView['type']) => c.events.filter((e) => e.type === type);
const followUps = (c: ComplaintDetail) => ofType(c, 'note').filter((e) => e.data.kind === 'follow_up');

describe('survey responses and thresholds', () => {
  it('applies each operator: a threshold fires exactly when the score compares to its value that way', async () => {
    const made = new Map<string, string>();
    for (const operator of ['lt', 'lte', 'gt', 'gte', 'eq'] as const) made.set((await threshold({ operator, value: 3 })).id, operator);
    await threshold({ operator: 'lte', value: 5, active: false });
    const fired = async (score: number) => {
      const c = await closedComplaint();
      await record(c.id, score);
      return followUps(await getComplaint(w, c.id)).map((e) => made.get(String(e.data.thresholdId))).sort();
    };
    expect(await fired(2)).toEqual(['lt', 'lte']);
    expect(await fired(3)).toEqual(['eq', 'gte', 'lte']);
    expect(await fired(4)).toEqual(['gt', 'gte']);
  });

  it('records the response on the internal timeline and leaves an internal follow-up for staff, without reopening', async () => {
    const t = await threshold({ operator: 'lte', value: 2, action: 'follow_up' });
    const c = await closedComplaint();
    const result = await record(c.id, 2);
    expect(result.outcome).toBe('recorded');
    const after = await getComplaint(w, c.id);
    const [survey] = ofType(after, 'survey_received');
    expect(survey).toMatchObject({ visibility: 'internal', actor: null, comment: 'They never called me back.' });
    expect(survey?.data).toMatchObject({ score: 2, comment: 'They never called me back.', thresholds: [{ id: t.id, action: 'follow_up', condition: '≤ 2' }] });
    const [note] = followUps(after);
    expect(note).toMatchObject({ visibility: 'internal', actor: null, data: { thresholdId: t.id, operator: 'lte', value: 2, score: 2 } });
    expect(note?.comment).toContain('survey score 2');
    expect(after).toMatchObject({ status: 'CLOSED', assigneeId: w.staff.desk, escalationLevel: 0 });
    // A score above the threshold: the response is recorded, nothing else.
    const happy = await closedComplaint();
    await record(happy.id, 5);
    const quiet = await getComplaint(w, happy.id);
    expect(ofType(quiet, 'survey_received')).toHaveLength(1);
    expect(followUps(quiet)).toHaveLength(0);
  });

  it('escalates one level to the target of the escalation rule for that level, once however many thresholds ask', async () => {
    const a = await threshold({ operator: 'lt', value: 3, action: 'escalate' });
    const b = await threshold({ operator: 'lte', value: 1, action: 'escalate' });
    const c = await closedComplaint();
    expect(c.escalationLevel).toBe(0);
    await record(c.id, 1, { surveyId: 'first' });
    const once = await getComplaint(w, c.id);
    expect(once).toMatchObject({ status: 'CLOSED', escalationLevel: 1, assigneeId: w.staff.manager });
    const [escalated] = ofType(once, 'sla_escalated');
    expect(ofType(once, 'sla_escalated')).toHaveLength(1);
    expect(escalated).toMatchObject({ visibility: 'internal', field: 'assigneeId', from: w.staff.desk, to: w.staff.manager });
    expect(escalated?.data).toMatchObject({
      reason: 'survey_threshold', level: 1, score: 1, resolved: true,
      target: { role: 'department_manager', userId: w.staff.manager },
    });
    expect((escalated?.data.thresholdIds as string[]).sort()).toEqual([a.id, b.id].sort());
    // The next survey of the same complaint (closed again later) goes to level 2: the hospital admin.
    await record(c.id, 2, { surveyId: 'second' });
    const twice = await getComplaint(w, c.id);
    expect(twice).toMatchObject({ escalationLevel: 2, assigneeId: w.staff.hospitalAdmin, status: 'CLOSED' });
    expect(ofType(twice, 'sla_escalated').map((e) => e.data.level)).toEqual([1, 2]);
  });

  it('hands each notify threshold to the notification hook with its resolved recipient', async () => {
    const px = await threshold({ operator: 'lt', value: 4, action: 'notify', notifyRole: 'px_admin' });
    const ceo = await threshold({ operator: 'lt', value: 3, action: 'notify', notifyRole: 'named_user', notifyUserId: w.staff.ceo });
    const c = await closedComplaint();
    const result = await record(c.id, 2);
    if (result.outcome !== 'recorded') throw new Error(result.outcome);
    const byThreshold = new Map(notices.map((n) => [n.threshold.id, n]));
    expect(notices).toHaveLength(2);
    expect(byThreshold.get(px.id)).toMatchObject({
      complaintId: c.id, hospitalId: w.main.id, referenceNumber: c.referenceNumber, score: 2, comment: 'They never called me back.',
      recipient: { role: 'px_admin', userId: w.staff.pxAdmin }, surveyEventId: result.eventId,
    });
    expect(byThreshold.get(ceo.id)?.recipient).toEqual({ role: 'named_user', userId: w.staff.ceo });
    expect(new Set(notices.map((n) => n.key)).size).toBe(2);
    // The hook as shipped (a no-op until the outbox exists) is what a plain call uses.
    const other = await closedComplaint();
    const plain = await withTxRetry(w.srv.db.pool, (tx) => recordSurveyResponse(tx, { complaintId: other.id, score: 1, comment: null, now: w.srv.deps.clock.now() }));
    expect(plain.outcome).toBe('recorded');
  });

  it('changes nothing when the same response is recorded again, later or at the same time', async () => {
    await threshold({ operator: 'lt', value: 3, action: 'escalate' });
    await threshold({ operator: 'lt', value: 3, action: 'follow_up' });
    await threshold({ operator: 'lt', value: 3, action: 'notify', notifyRole: 'hospital_admin' });
    const c = await closedComplaint();
    expect((await record(c.id, 1)).outcome).toBe('recorded');
    const first = await getComplaint(w, c.id);
    w.srv.clock?.advance(60_000);
    expect(await record(c.id, 1)).toEqual({ outcome: 'duplicate' });
    expect(await record(c.id, 4, { comment: 'changed my mind' })).toEqual({ outcome: 'duplicate' });
    expect(await getComplaint(w, c.id)).toEqual(first);
    expect(notices).toHaveLength(1);

    const d = await closedComplaint();
    const both = await Promise.all([record(d.id, 1, { surveyId: 'x' }), record(d.id, 1, { surveyId: 'x' })]);
    expect(both.map((r) => r.outcome).sort()).toEqual(['duplicate', 'recorded']);
    const after = await getComplaint(w, d.id);
    expect(ofType(after, 'survey_received')).toHaveLength(1);
    expect(ofType(after, 'sla_escalated')).toHaveLength(1);
    expect(followUps(after)).toHaveLength(1);
    expect(after.escalationLevel).toBe(1);
  });

  it('never applies a threshold of another hospital', async () => {
    for (const action of ['follow_up', 'escalate', 'notify'] as const) {
      await threshold({ hospitalId: northId, operator: 'lte', value: 5, action, ...(action === 'notify' ? { notifyRole: 'px_admin' as const } : {}) });
    }
    const c = await closedComplaint();
    const result = await record(c.id, 1);
    expect(result).toMatchObject({ outcome: 'recorded', breached: [], escalation: null });
    const after = await getComplaint(w, c.id);
    expect(after.events.filter((e) => e.type !== 'survey_received').map((e) => e.id)).toEqual(c.events.map((e) => e.id));
    expect(after).toMatchObject({ escalationLevel: 0, assigneeId: w.staff.desk });
    expect(notices).toEqual([]);
  });

  it('refuses a score off the scale and answers not_found for an unknown complaint', async () => {
    const c = await closedComplaint();
    await expect(record(c.id, 0)).rejects.toThrow(RangeError);
    await expect(record(c.id, 2.5)).rejects.toThrow(RangeError);
    expect(await record('no-such-complaint', 3)).toEqual({ outcome: 'not_found' });
    expect(ofType(await getComplaint(w, c.id), 'survey_received')).toHaveLength(0);
  });
});
