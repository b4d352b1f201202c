import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../bootstrap.ts';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import type { ComplaintDetail, ComplaintView } from '../complaints/view.ts';
import { withTx } from '../db/pool.ts';
import { notifyThresholdBreach } from '../sla/thresholds/notify.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { startFakeSmtp, waitFor, type FakeSmtp } from './testing.ts';

/**
 * Staff e-mail over a real SMTP server on loopback: new complaint to the department manager,
 * assignment, reminders (the second marked URGENT), overdue, escalation, explanation request —
 * in the staff member's language, or Arabic then English when it is not known. No SMS gateway is
 * configured here, so the complainant's SMS are recorded as not sent.
 */
let srv: TestServer;
let w: World;
let smtp: FakeSmtp;
let manager: string;
let agent: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  srv = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'px@hospital.example', ORG_NAME: 'SHCT' } });
  w = await setupWorld(srv);
  const now = srv.deps.clock.now();
  const made = await withTx(srv.db.pool, async (tx) => ({
    manager: await createUser(tx, { username: 'dm_main', displayName: 'Dr. Manager', role: 'department_manager', hospitalId: w.main.id, departmentId: w.mainDepartmentId, password: null, now }),
    agent: await createUser(tx, { username: 'agent_main', displayName: 'Agent Amal', role: 'desk_agent', hospitalId: w.main.id, password: null, now }),
  }));
  manager = made.manager.id;
  agent = made.agent.id;
  const put = (id: string, body: unknown) => srv.call('PUT', `/api/v1/staff/${id}/contact`, { token: w.tokens.admin, body });
  expect((await put(manager, { email: 'manager@hospital.example', language: 'en' })).status).toBe(200);
  expect((await put(agent, { email: 'amal@hospital.example', language: null })).status).toBe(200);
});
afterAll(async () => {
  await srv?.close();
  await smtp?.close();
});

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const detail = async (id: string) => (await srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${id}`, { token: w.tokens.admin })).body;

describe('staff e-mail', () => {
  let c: ComplaintView;

  it('a new complaint of a department: the manager hears of it, in English; the SMS is recorded, not sent', async () => {
    const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
      token: w.tokens.mainDesk,
      body: {
        hospitalId: w.main.id, departmentId: w.mainDepartmentId, sourceCode: 'PATIENT', title: 'Rude reception',
        description: 'The receptionist shouted.', complainant: { name: 'Salem', phone: '0501112222' },
      },
    });
    c = res.body;
    const mail = await waitFor(() => mailsTo('manager@hospital.example')[0], 'the manager e-mail');
    expect(mail.from).toBe('px@hospital.example');
    expect(mail.subject).toBe(`SHCT: new complaint ${c.referenceNumber}`);
    expect(mail.text).toContain('Hello Dr. Manager,');
    expect(mail.text).toContain('Title: Rude reception');
    expect(mail.text).toMatch(/Response due: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const d = await waitFor(async () => {
      const x = await detail(c.id);
      return x.notifications.every((n) => n.status !== 'queued' && n.status !== 'sending') ? x : undefined;
    }, 'the outbox to settle').then(() => detail(c.id)); // read again: the last record may land between the two reads of one
    expect(d.notifications.map((n) => [n.channel, n.template, n.status])).toEqual([
      ['sms', 'complaint_received', 'not_sent'],
      ['email', 'staff_new_complaint', 'sent'],
    ]);
    const sms = d.events.find((e) => e.type === 'communication' && e.data.channel === 'sms');
    expect(sms?.data).toMatchObject({ status: 'not_sent', error: 'no SMS gateway configured', shownToComplainant: false });
  });

  it('assignment: the assignee, whose language is not known, gets Arabic then English', async () => {
    const res = await srv.call('PATCH', `/api/v1/complaints/${c.id}`, { token: w.tokens.admin, body: { assigneeId: agent } });
    expect(res.status).toBe(200);
    const mail = await waitFor(() => mailsTo('amal@hospital.example')[0], 'the assignment e-mail');
    expect(mail.subject).toBe(`SHCT: أُسندت إليكم الشكوى ${c.referenceNumber} | SHCT: complaint ${c.referenceNumber} assigned to you`);
    expect(mail.text.indexOf('مرحباً Agent Amal،')).toBeLessThan(mail.text.indexOf('Hello Agent Amal,'));
  });

  it('SLA: first reminder, second reminder marked URGENT, overdue and escalation reach the right people', async () => {
    // PATIENT: first reminder 24 h after creation; second reminder, deadline and escalation at 72 h.
    srv.clock?.advance(25 * HOUR);
    const first = await waitFor(() => mailsTo('amal@hospital.example').find((m) => m.subject.includes('reminder -')), 'the first reminder');
    expect(first.subject).not.toMatch(/URGENT/);
    srv.clock?.advance(48 * HOUR);
    const urgent = await waitFor(() => mailsTo('amal@hospital.example').find((m) => m.subject.includes('second reminder')), 'the second reminder');
    expect(urgent.subject).toMatch(/^عاجل - SHCT: تذكير ثانٍ.*\| URGENT - SHCT: second reminder/);
    await waitFor(() => mailsTo('amal@hospital.example').find((m) => m.subject.includes('overdue')), 'overdue to the assignee');
    await waitFor(() => mailsTo('manager@hospital.example').find((m) => m.subject.includes('overdue')), 'overdue to the manager');
    const escalated = await waitFor(() => mailsTo('manager@hospital.example').find((m) => m.subject.includes('escalated to you')), 'the escalation');
    expect(escalated.subject).toBe(`SHCT: complaint ${c.referenceNumber} escalated to you (level 1)`);
    // One e-mail per message, whatever the scheduler's batches did.
    const ids = smtp.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an explanation request e-mails the staff member a working one-time link, which is not kept once sent', async () => {
    const res = await srv.call<{ id: string; link: string }>('POST', `/api/v1/complaints/${c.id}/explanations`, {
      token: w.tokens.admin,
      body: { staffId: manager, message: 'Please explain what happened at reception.' },
    });
    expect(res.status).toBe(201);
    const mail = await waitFor(() => mailsTo('manager@hospital.example').find((m) => m.subject.includes('explanation requested')), 'the explanation e-mail');
    expect(mail.text).toContain(res.body.link);
    expect(mail.text).toContain('Please explain what happened at reception.');
    const path = new URL(res.body.link).pathname;
    expect((await fetch(`${srv.url}${path}`)).status).toBe(200);
    const stored = await waitFor(async () => {
      const { rows } = await srv.db.pool.query<{ variables: Record<string, unknown>; body: string; status: string }>(
        `SELECT variables, body, status FROM outbox_messages WHERE template = 'staff_explanation_request'`,
      );
      return rows[0]?.status === 'sent' ? rows[0] : undefined;
    }, 'the explanation message recorded');
    expect(stored.variables).not.toHaveProperty('token');
    expect(stored.body).not.toContain(path.split('/').pop() ?? '');
  });

  it('a survey score breaching a notify threshold e-mails its target', async () => {
    const now = srv.deps.clock.now();
    await withTx(srv.db.pool, (tx) =>
      notifyThresholdBreach(tx, {
        key: `survey-1:threshold-1`,
        complaintId: c.id,
        hospitalId: w.main.id,
        referenceNumber: c.referenceNumber,
        threshold: {
          id: 'threshold-1', hospitalId: w.main.id, metric: 'survey_score', operator: 'lt', value: 3, action: 'notify',
          notifyRole: 'named_user', notifyUserId: manager, active: true, updatedAt: now,
        },
        score: 2,
        comment: 'Nobody called me back.',
        recipient: { role: 'named_user', userId: manager },
        surveyEventId: 'survey-event-1',
        at: now,
      }),
    );
    const mail = await waitFor(() => mailsTo('manager@hospital.example').find((m) => m.subject.includes('survey score')), 'the threshold e-mail');
    expect(mail.subject).toBe(`SHCT: survey score 2 of 5 on complaint ${c.referenceNumber}`);
    expect(mail.text).toContain('Comment: Nobody called me back.');
  });

  it('a contact can only be set by its owner or an admin who may see them', async () => {
    expect((await srv.call('PUT', `/api/v1/staff/${agent}/contact`, { token: w.tokens.mainDesk, body: { email: 'x@y.example', language: 'ar' } })).status).toBe(403);
    expect((await srv.call('GET', `/api/v1/staff/${agent}/contact`, { token: w.tokens.northDesk })).status).toBe(404);
    const own = await srv.call('PUT', `/api/v1/staff/${w.users.mainDesk}/contact`, { token: w.tokens.mainDesk, body: { email: 'desk@hospital.example', language: 'ar' } });
    expect(own.body).toEqual({ userId: w.users.mainDesk, email: 'desk@hospital.example', language: 'ar' });
    expect((await srv.call('PUT', `/api/v1/staff/${agent}/contact`, { token: w.tokens.admin, body: { email: 'not an address', language: null } })).status).toBe(422);
  });
});
