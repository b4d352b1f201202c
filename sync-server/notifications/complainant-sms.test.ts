import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { maskPhone } from '../../shared/phone.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { deskComplaint, deskEvent, lease, pullAll, push, pushNew, setupWorld, wire, type World } from '../complaints/fixtures.ts';
import type { ComplaintDetail, ComplaintView } from '../complaints/view.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { gatewayEnv, GATEWAY_PASSWORD, GATEWAY_USER, startFakeGateway, waitFor, type FakeGateway } from './testing.ts';

/**
 * The complainant's SMS end to end: a real server with its outbox worker, a fake gateway on
 * loopback. What the complainant would notice: which SMS arrive, how many, and what they say.
 */
let srv: TestServer;
let w: World;
let gw: FakeGateway;
beforeAll(async () => {
  gw = await startFakeGateway();
  srv = await startTestServer({ env: { ...gatewayEnv(gw), BASE_URL: 'http://127.0.0.1:1/', ORG_NAME: 'SHCT', SUPPORT_PHONE: '8001234567' } });
  w = await setupWorld(srv);
});
afterAll(async () => {
  await srv?.close();
  await gw?.close();
});
beforeEach(() => {
  gw.behave = () => ({ kind: 'ok' });
});

const PHONE = '+966501234567';
const MASKED = maskPhone(PHONE);

async function create(over: Record<string, unknown> = {}): Promise<ComplaintView> {
  const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
    token: w.tokens.mainDesk,
    body: {
      hospitalId: w.main.id,
      sourceCode: 'PATIENT',
      title: 'Referral letter lost',
      description: 'The referral letter for my father was lost twice.',
      complainant: { name: 'Noura', phone: '0501234567', language: 'en' },
      ...over,
    },
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function transition(id: string, to: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await srv.call('POST', `/api/v1/complaints/${id}/transitions`, { token: w.tokens.admin, body: { to, ...extra } });
  if (res.status !== 200) throw new Error(`transition to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
}

const detail = async (id: string) => (await srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${id}`, { token: w.tokens.admin })).body;
const smsTo = (ref: string) => [...gw.delivered.values()].filter((d) => d.text.includes(ref));
/** Everything the outbox knows of a complaint has settled (nothing queued or in flight). */
const settled = async (id: string) => {
  const d = await detail(id);
  // Read again once settled: the timeline and the notifications are two reads, and the last
  // attempt's record may have landed between them.
  return d.notifications.every((n) => !['queued', 'sending', 'retrying'].includes(n.status)) ? detail(id) : undefined;
};

describe('the life of one complaint with a phone number', () => {
  it('sends exactly three SMS — received, resolved, closed — with a working tracking link, whatever the gateway does, every attempt on the timeline', async () => {
    const c = await create();
    const ref = c.referenceNumber;
    // The gateway is down for the first attempt of the resolution SMS.
    gw.behave = (r, nth) => (r.text.includes('Resolved') && nth === 1 ? { kind: 'status', status: 503 } : { kind: 'ok' });
    await waitFor(() => smsTo(ref).length === 1, 'the received SMS');
    await transition(c.id, 'ASSIGNED');
    await transition(c.id, 'IN_PROGRESS');
    await srv.call('PATCH', `/api/v1/complaints/${c.id}`, { token: w.tokens.admin, body: { priority: 'high' } });
    await transition(c.id, 'RESOLVED', { resolution: 'Issue addressed' });
    await waitFor(() => smsTo(ref).length === 2, 'the resolved SMS (after a retry)', 45_000);
    await transition(c.id, 'CLOSED');
    await waitFor(() => smsTo(ref).length === 3, 'the closed SMS');
    const d = await waitFor(() => settled(c.id), 'the outbox to settle');

    const texts = smsTo(ref).map((s) => s.text);
    expect(texts).toEqual([
      ['SHCT Complaint Received', `Ref: ${ref}`, 'We received your complaint. Track status:', c.trackingUrl, 'Support: 8001234567'].join('\n'),
      ['SHCT Complaint Resolved', `Ref: ${ref}`, 'Your complaint has been resolved.', 'Summary: Issue addressed', `Track: ${c.trackingUrl}`].join('\n'),
      ['SHCT Complaint Closed', `Ref: ${ref}`, 'Your complaint is now closed.', 'Thank you for your feedback.', `Track: ${c.trackingUrl}`, `Rate our service: ${c.trackingUrl.replace('/complaints/track/', '/complaints/survey/')}`].join('\n'),
    ]);
    expect(smsTo(ref).every((s) => s.to === PHONE)).toBe(true);
    // Three messages, one gateway request each except the resolution's retry.
    expect(gw.requests.filter((r) => r.text.includes(ref)).length).toBe(4);
    expect(d.notifications.map((n) => [n.channel, n.template, n.language, n.status, n.attempts, n.to])).toEqual([
      ['sms', 'complaint_received', 'en', 'sent', 1, PHONE],
      ['sms', 'complaint_resolved', 'en', 'sent', 2, PHONE],
      ['sms', 'complaint_closed', 'en', 'sent', 1, PHONE],
    ]);
    const attempts = d.events.filter((e) => e.type === 'communication').map((e) => [e.data.template, e.data.status, e.data.attempt, e.visibility]);
    expect(attempts).toEqual([
      ['complaint_received', 'sent', 1, 'internal'],
      ['complaint_resolved', 'failed', 1, 'internal'],
      ['complaint_resolved', 'sent', 2, 'internal'],
      ['complaint_closed', 'sent', 1, 'internal'],
    ]);
    expect(d.events.find((e) => e.type === 'communication' && e.data.status === 'sent')?.data).toMatchObject({
      channel: 'sms', to: MASKED, providerId: expect.stringMatching(/^gw-/), shownToComplainant: true,
    });

    // The link in the SMS opens the complainant's tracking page, which says an SMS was sent.
    const link = c.trackingUrl.replace('http://127.0.0.1:1', srv.url);
    const page = await fetch(`${link}&lang=en`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(ref);
    expect(html.match(/We sent you an SMS/g)?.length).toBe(3);
  });

  it('resolved and closed at once, the resolved SMS failing first: "closed" never arrives before "resolved"', async () => {
    const c = await create();
    await waitFor(() => smsTo(c.referenceNumber).length === 1, 'the received SMS');
    gw.behave = (r, nth) => (r.text.includes('Resolved') && nth === 1 ? { kind: 'status', status: 503 } : { kind: 'ok' });
    await transition(c.id, 'ASSIGNED');
    await transition(c.id, 'IN_PROGRESS');
    await transition(c.id, 'RESOLVED', { resolution: 'Apology and a new letter' });
    await transition(c.id, 'CLOSED');
    await waitFor(() => smsTo(c.referenceNumber).length === 3, 'the resolved and closed SMS', 45_000);
    expect(smsTo(c.referenceNumber).map((s) => s.text.split('\n')[0])).toEqual(['SHCT Complaint Received', 'SHCT Complaint Resolved', 'SHCT Complaint Closed']);
    const d = await waitFor(() => settled(c.id), 'the outbox to settle');
    // Waiting its turn is not a failed attempt: the closed SMS went out at its first.
    expect(d.notifications.map((n) => [n.template, n.attempts])).toEqual([['complaint_received', 1], ['complaint_resolved', 2], ['complaint_closed', 1]]);
  });
});

describe('only a real status change sends an SMS', () => {
  it('a complaint saved ten times without a status change sends nothing more', async () => {
    const c = await create();
    await waitFor(() => smsTo(c.referenceNumber).length === 1, 'the received SMS');
    for (let i = 0; i < 10; i++) {
      const res = await srv.call('PATCH', `/api/v1/complaints/${c.id}`, {
        token: w.tokens.admin,
        body: { priority: i % 2 ? 'low' : 'high', title: `Referral letter lost (${i})` },
      });
      expect(res.status).toBe(200);
    }
    const d = await waitFor(() => settled(c.id), 'the outbox to settle');
    expect(d.notifications.map((n) => n.template)).toEqual(['complaint_received']);
    expect(smsTo(c.referenceNumber)).toHaveLength(1);
  });

  it('a desk push replayed (and saved again without a status change) sends no second SMS', async () => {
    const block = await lease(srv, w.tokens.mainDesk, w.main.id);
    const now = srv.deps.clock.now();
    const doc = deskComplaint(w.main.id, block, 0, w.users.mainDesk, now, {
      complainant: { name: 'Sara', phone: '+966501112233', email: null, language: 'ar', smsOptOut: false },
    });
    const created = deskEvent(doc, w.users.mainDesk, now, { to: 'PENDING' });
    // The event first (its complaint not there yet), then the complaint: the SMS waits for it.
    expect((await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(created) }])).status).toBe(200);
    const state = await pushNew(srv, w.tokens.mainDesk, doc);
    await waitFor(() => smsTo(doc.referenceNumber).length === 1, 'the received SMS');
    for (let i = 0; i < 3; i++) {
      await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(created) }]);
      await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(doc) }]);
      const edited = { ...state, description: `${doc.description} (${i})`, updatedAt: state.updatedAt + i + 1 };
      await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: state, newDocumentState: edited }]);
    }
    const d = await waitFor(() => settled(doc.id), 'the outbox to settle');
    expect(d.notifications.map((n) => [n.template, n.language, n.status])).toEqual([['complaint_received', 'ar', 'sent']]);
    expect(gw.requests.filter((r) => r.text.includes(doc.referenceNumber))).toHaveLength(1);
    expect(smsTo(doc.referenceNumber)[0]?.text.split('\n')[0]).toBe('استلام شكوى SHCT');
  });
});

describe('two desks change the status offline: only the status the server kept tells the complainant', () => {
  type Desk = { deskId: string; doc: ComplaintDoc; events: ReturnType<typeof deskEvent>[] };
  type Arrival = 'A events' | 'B events' | 'A complaint' | 'B complaint';

  /** A complaint in progress on the server, with its received SMS gone; both desks hold it. */
  async function inProgress(n: number): Promise<ComplaintDoc> {
    const block = await lease(srv, w.tokens.mainDesk, w.main.id);
    const doc = deskComplaint(w.main.id, block, n, w.users.mainDesk, srv.deps.clock.now(), {
      complainant: { name: 'Layla', phone: '+966507770000', email: null, language: 'en', smsOptOut: false },
    });
    await pushNew(srv, w.tokens.mainDesk, doc);
    const created = deskEvent(doc, w.users.mainDesk, doc.createdAt, { to: 'PENDING' });
    await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(created) }]);
    await waitFor(() => smsTo(doc.referenceNumber).length === 1, 'the received SMS');
    await transition(doc.id, 'ASSIGNED');
    await transition(doc.id, 'IN_PROGRESS');
    const pulled = await pullAll<ComplaintDoc>(srv, w.tokens.mainDesk, 'complaints', w.main.id);
    const found = pulled.documents.find((d) => d.id === doc.id);
    if (!found) throw new Error('the complaint is not on the desk');
    const { _deleted: _ignored, ...stored } = found;
    return stored;
  }

  /** What a desk pushes after a chain of status changes made offline (RxDB sends the last state). */
  function offline(deskId: string, base: ComplaintDoc, at: number, steps: { to: ComplaintDoc['status']; resolution?: string }[]): Desk {
    let doc = base;
    const events = steps.map((s, i) => {
      const e = deskEvent(doc, w.users.mainDesk, at + i, {
        type: 'status_changed', field: 'status', from: doc.status, to: s.to, data: s.resolution ? { resolution: s.resolution } : {},
      });
      doc = { ...doc, status: s.to, resolution: s.resolution ?? doc.resolution, updatedAt: at + i, updatedBy: w.users.mainDesk };
      return e;
    });
    return { deskId, doc, events };
  }

  async function arrive(base: ComplaintDoc, desks: Record<'A' | 'B', Desk>, order: readonly Arrival[]): Promise<void> {
    for (const step of order) {
      const desk = desks[step[0] as 'A' | 'B'];
      const res = step.endsWith('events')
        ? await push(srv, w.tokens.mainDesk, 'events', w.main.id, desk.events.map((e) => ({ assumedMasterState: null, newDocumentState: wire(e) })), desk.deskId)
        : await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(base), newDocumentState: wire(desk.doc) }], desk.deskId);
      expect(res.status).toBe(200);
    }
  }

  // Desk A resolves; desk B resolves with another summary and closes, both offline.
  const cases: { name: string; order: Arrival[]; kept: 'A' | 'B' }[] = [
    { name: 'A reconnects first, events before complaints', order: ['A events', 'B events', 'A complaint', 'B complaint'], kept: 'A' },
    { name: 'A reconnects first, complaints before events', order: ['A complaint', 'B complaint', 'B events', 'A events'], kept: 'A' },
    { name: 'B reconnects first, events before complaints', order: ['B events', 'A events', 'B complaint', 'A complaint'], kept: 'B' },
    { name: 'B reconnects first, complaints before events', order: ['B complaint', 'A complaint', 'A events', 'B events'], kept: 'B' },
  ];
  it.each(cases.map((c, i) => ({ ...c, n: 10 + i })))('$name: exactly the SMS of the kept status', async ({ order, kept, n }) => {
    const base = await inProgress(n);
    const at = srv.deps.clock.now() + 1_000;
    const desks = {
      A: offline('desk-A', base, at, [{ to: 'RESOLVED', resolution: 'Fixed by A' }]),
      B: offline('desk-B', base, at + 10, [{ to: 'RESOLVED', resolution: 'Fixed by B' }, { to: 'CLOSED' }]),
    };
    await arrive(base, desks, order);
    const d = await waitFor(() => settled(base.id), 'the outbox to settle');

    expect(d.status).toBe(kept === 'A' ? 'RESOLVED' : 'CLOSED');
    expect(d.events.filter((e) => e.type === 'conflict_resolved').map((e) => e.field).sort()).toEqual(['resolution', 'status']);
    expect(d.notifications.map((n) => [n.template, n.status])).toEqual([
      ['complaint_received', 'sent'],
      ['complaint_resolved', 'sent'],
      ...(kept === 'B' ? [['complaint_closed', 'sent']] : []),
    ]);
    const texts = smsTo(base.referenceNumber).map((s) => s.text.split('\n')[0]);
    expect(texts).toEqual(['SHCT Complaint Received', 'SHCT Complaint Resolved', ...(kept === 'B' ? ['SHCT Complaint Closed'] : [])]);
    expect(smsTo(base.referenceNumber)[1]?.text).toContain(`Summary: Fixed by ${kept}`);
  });

  it('a desk that resolved offline after an API resolution adds no second resolved SMS', async () => {
    const base = await inProgress(20);
    await transition(base.id, 'RESOLVED', { resolution: 'Resolved on the phone' });
    const desk = offline('desk-A', base, srv.deps.clock.now() + 1_000, [{ to: 'RESOLVED', resolution: 'Resolved at the desk' }]);
    await arrive(base, { A: desk, B: desk }, ['A events', 'A complaint']);
    const d = await waitFor(() => settled(base.id), 'the outbox to settle');
    expect(d.notifications.map((n) => n.template)).toEqual(['complaint_received', 'complaint_resolved']);
    expect(smsTo(base.referenceNumber)).toHaveLength(2);
  });
});

describe('no phone, opt-out', () => {
  it('a complaint without a phone number is created normally and sends no SMS', async () => {
    const before = gw.requests.length;
    const c = await create({ complainant: { name: 'Walk-in visitor' } });
    expect(c.status).toBe('PENDING');
    await transition(c.id, 'ASSIGNED');
    await transition(c.id, 'IN_PROGRESS');
    await transition(c.id, 'RESOLVED', { resolution: 'Explained in person' });
    const d = await detail(c.id);
    expect(d.notifications).toEqual([]);
    expect(d.events.filter((e) => e.type === 'communication')).toEqual([]);
    expect(gw.requests.length).toBe(before);
  });

  it('a STOP reply opts the number out: its complaints show the opt-out and no further SMS goes', async () => {
    const c = await create({ complainant: { name: 'Huda', phone: '0509998877', language: 'en' } });
    await waitFor(() => smsTo(c.referenceNumber).length === 1, 'the received SMS');
    const auth = `Basic ${Buffer.from(`${GATEWAY_USER}:${GATEWAY_PASSWORD}`).toString('base64')}`;
    const refused = await fetch(`${srv.url}/api/v1/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+966509998877', text: 'STOP' }) });
    expect(refused.status).toBe(401);
    const stop = await fetch(`${srv.url}/api/v1/sms/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ from: '00966509998877', text: ' stop ' }),
    });
    expect(await stop.json()).toEqual({ action: 'opted_out' });
    expect((await detail(c.id)).complainant.smsOptOut).toBe(true);
    await transition(c.id, 'ASSIGNED');
    await transition(c.id, 'IN_PROGRESS');
    await transition(c.id, 'RESOLVED', { resolution: 'Done' });
    // A later complaint from the same number is covered too.
    const again = await create({ complainant: { name: 'Huda', phone: '0509998877', language: 'en' } });
    const d = await waitFor(() => settled(c.id), 'the outbox to settle');
    expect(d.notifications.map((n) => [n.template, n.status])).toEqual([
      ['complaint_received', 'sent'],
      ['complaint_resolved', 'opted_out'],
    ]);
    expect((await detail(again.id)).notifications.map((n) => n.status)).toEqual(['opted_out']);
    expect(smsTo(c.referenceNumber)).toHaveLength(1);
    expect(smsTo(again.referenceNumber)).toHaveLength(0);
  });

  it('the staff toggle on the complaint is honoured', async () => {
    const block = await lease(srv, w.tokens.mainDesk, w.main.id);
    const now = srv.deps.clock.now();
    const doc = deskComplaint(w.main.id, block, 1, w.users.mainDesk, now, {
      complainant: { name: 'Omar', phone: '+966501231231', email: null, language: 'ar', smsOptOut: true },
    });
    await pushNew(srv, w.tokens.mainDesk, doc);
    await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(deskEvent(doc, w.users.mainDesk, now)) }]);
    const d = await detail(doc.id);
    expect(d.notifications.map((n) => [n.template, n.status])).toEqual([['complaint_received', 'opted_out']]);
    expect(gw.requests.filter((r) => r.to === '+966501231231')).toHaveLength(0);
  });
});

describe('per-hospital SMS, off by default', () => {
  it('an admin turns on the IN_PROGRESS SMS for their hospital; a desk agent or another hospital may not', async () => {
    const path = `/api/v1/hospitals/${w.main.id}/notification-settings`;
    const off = { smsOnInProgress: false, smsOnAssignment: false, smsOnSlaReminder: false };
    expect((await srv.call('GET', path, { token: w.tokens.admin })).body).toEqual(off);
    expect((await srv.call('PUT', path, { token: w.tokens.mainDesk, body: { ...off, smsOnInProgress: true } })).status).toBe(403);
    expect((await srv.call('GET', `/api/v1/hospitals/${w.north.id}/notification-settings`, { token: w.tokens.mainDesk })).status).toBe(403);
    const first = await create();
    await transition(first.id, 'ASSIGNED');
    await transition(first.id, 'IN_PROGRESS');
    const on = await srv.call('PUT', path, { token: w.tokens.admin, body: { ...off, smsOnInProgress: true } });
    expect(on.body).toEqual({ ...off, smsOnInProgress: true });
    const second = await create();
    await transition(second.id, 'ASSIGNED');
    await transition(second.id, 'IN_PROGRESS');
    const a = await waitFor(() => settled(first.id), 'the outbox to settle');
    const b = await waitFor(() => settled(second.id), 'the outbox to settle');
    expect(a.notifications.map((n) => n.template)).toEqual(['complaint_received']);
    expect(b.notifications.map((n) => n.template)).toEqual(['complaint_received', 'complaint_in_progress']);
    await srv.call('PUT', path, { token: w.tokens.admin, body: off });
  });
});
