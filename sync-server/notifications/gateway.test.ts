import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import type { ComplaintDetail, ComplaintView } from '../complaints/view.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { deliverMessage } from './deliver.ts';
import { HttpSmsDriver, type SmsDriver } from './drivers/sms.ts';
import { recordAttempts } from './record.ts';
import { claimMessages, type NotificationView } from './store.ts';
import { gatewayEnv, GATEWAY_PASSWORD, GATEWAY_USER, startFakeGateway, waitFor, type FakeGateway } from './testing.ts';

let gw: FakeGateway;
beforeAll(async () => {
  gw = await startFakeGateway();
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => {
  gw.behave = () => ({ kind: 'ok' });
});

describe('the generic HTTP driver (brief §4)', () => {
  const driver = (over: Partial<ConstructorParameters<typeof HttpSmsDriver>[0]> = {}) =>
    new HttpSmsDriver({ url: gw.url, username: GATEWAY_USER, password: GATEWAY_PASSWORD, sender: 'SHCT', timeoutMs: 300, ...over });
  const msg = (reference: string) => ({ to: '+966501234567', text: 'نص تجريبي', reference });

  it('posts {sender, to, text, reference} with Basic auth and keeps the provider id of a 2xx', async () => {
    expect(await driver().send(msg('d-1'))).toEqual({ kind: 'sent', providerId: expect.stringMatching(/^gw-/) });
    expect(gw.requests.at(-1)).toEqual({ to: '+966501234567', text: 'نص تجريبي', reference: 'd-1', sender: 'SHCT', authorized: true });
  });

  it('retries on 429, 5xx, a time-out and an unreachable gateway; any other 4xx is permanent', async () => {
    gw.behave = (r) => (r.reference === 'd-429' ? { kind: 'status', status: 429 } : r.reference === 'd-502' ? { kind: 'status', status: 502 } : r.reference === 'd-hang' ? { kind: 'hang' } : { kind: 'status', status: 400 });
    expect((await driver().send(msg('d-429'))).kind).toBe('retry');
    expect((await driver().send(msg('d-502'))).kind).toBe('retry');
    expect(await driver().send(msg('d-hang'))).toEqual({ kind: 'retry', error: 'timed out after 300 ms' });
    expect(await driver().send(msg('d-400'))).toEqual({ kind: 'permanent', error: 'HTTP 400: {"error":"status 400"}' });
    expect((await driver({ password: 'wrong' }).send(msg('d-401'))).kind).toBe('permanent');
    expect((await driver({ url: 'http://127.0.0.1:9/send' }).send(msg('d-down'))).kind).toBe('retry');
  });
});

describe('through the outbox', () => {
  let srv: TestServer;
  let w: World;
  beforeAll(async () => {
    srv = await startTestServer({ env: { ...gatewayEnv(gw, 400) } });
    w = await setupWorld(srv);
  });
  afterAll(async () => {
    await srv?.close();
  });

  async function create(phone: string): Promise<ComplaintView> {
    const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
      token: w.tokens.mainDesk,
      body: { hospitalId: w.main.id, sourceCode: 'PATIENT', title: 'Parking', description: 'No parking.', complainant: { name: 'N', phone } },
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body;
  }
  const detail = async (id: string) => (await srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${id}`, { token: w.tokens.admin })).body;
  const messageOf = async (id: string, status: string) => (await detail(id)).notifications.find((n) => n.status === status);

  it('the gateway answering 500, then 429, or timing out: retried with back-off and delivered once', async () => {
    gw.behave = (r, nth) => {
      if (r.to === '+966500000001') return nth === 1 ? { kind: 'status', status: 500 } : nth === 2 ? { kind: 'status', status: 429 } : { kind: 'ok' };
      // Takes the message but the answer never comes: our attempt times out, the repeat carries
      // the same reference and the gateway does not send it twice.
      if (r.to === '+966500000002') return nth === 1 ? { kind: 'accept_then_hang' } : { kind: 'ok' };
      return { kind: 'ok' };
    };
    const a = await create('0500000001');
    const b = await create('0500000002');
    await waitFor(() => messageOf(a.id, 'sent'), 'the 500/429 message', 50_000);
    await waitFor(() => messageOf(b.id, 'sent'), 'the timed-out message', 50_000);
    const sentTo = (to: string) => [...gw.delivered.values()].filter((d) => d.to === to);
    expect(sentTo('+966500000001')).toHaveLength(1);
    expect(sentTo('+966500000002')).toHaveLength(1);
    const refs = (to: string) => [...new Set(gw.requests.filter((r) => r.to === to).map((r) => r.reference))];
    expect(gw.requests.filter((r) => r.to === '+966500000001')).toHaveLength(3);
    expect(refs('+966500000001')).toHaveLength(1);
    expect(refs('+966500000002')).toHaveLength(1);
    const da = await detail(a.id);
    expect(da.events.filter((e) => e.type === 'communication').map((e) => [e.data.status, e.data.error])).toEqual([
      ['failed', 'HTTP 500: {"error":"status 500"}'],
      ['failed', 'HTTP 429: {"error":"status 429"}'],
      ['sent', null],
    ]);
    const db = await detail(b.id);
    expect(db.events.filter((e) => e.type === 'communication').map((e) => [e.data.status, e.data.error])).toEqual([
      ['failed', 'timed out after 400 ms'],
      ['sent', null],
    ]);
    expect(db.notifications[0]).toMatchObject({ status: 'sent', attempts: 2, providerId: gw.delivered.get(refs('+966500000002')[0] ?? '')?.id });
  });

  it('a refused message is a dead letter staff can see and send again', async () => {
    gw.behave = (r) => (r.to === '+966500000003' && !gw.requests.some((x) => x.to === 'released') ? { kind: 'status', status: 422 } : { kind: 'ok' });
    const c = await create('0500000003');
    const dead = await waitFor(() => messageOf(c.id, 'dead'), 'the dead letter');
    expect(dead).toMatchObject({ attempts: 1, error: 'HTTP 422: {"error":"status 422"}' });
    const list = await srv.call<{ data: (NotificationView & { complaintId: string })[] }>('GET', '/api/v1/notifications?status=dead', { token: w.tokens.admin });
    expect(list.body.data.map((n) => [n.id, n.complaintId])).toContainEqual([dead.id, c.id]);
    expect((await srv.call('GET', '/api/v1/notifications', { token: w.tokens.mainDesk })).status).toBe(403);
    expect((await srv.call('POST', `/api/v1/notifications/${dead.id}/retry`, { token: w.tokens.mainDesk })).status).toBe(403);
    expect((await srv.call('POST', `/api/v1/notifications/${dead.id}/retry`, { token: w.tokens.northDesk })).status).toBe(403);

    gw.requests.push({ to: 'released', text: '', reference: '', sender: '', authorized: true });
    const retried = await srv.call<NotificationView>('POST', `/api/v1/notifications/${dead.id}/retry`, { token: w.tokens.admin });
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('queued');
    const sent = await waitFor(() => messageOf(c.id, 'sent'), 'the retried message');
    expect(sent.attempts).toBe(2);
    const again = await srv.call<{ error: string; status: string }>('POST', `/api/v1/notifications/${dead.id}/retry`, { token: w.tokens.admin });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'not_retryable', status: 'sent' });
    expect([...gw.delivered.values()].filter((d) => d.to === '+966500000003')).toHaveLength(1);
  });

  it('delivery receipts from the provider (with its credentials) mark the message delivered, once', async () => {
    const c = await create('0500000004');
    const sent = await waitFor(() => messageOf(c.id, 'sent'), 'the SMS');
    const post = (body: unknown, password = GATEWAY_PASSWORD) =>
      fetch(`${srv.url}/api/v1/sms/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${GATEWAY_USER}:${password}`).toString('base64')}` },
        body: JSON.stringify(body),
      });
    expect((await post({ reference: sent.id, status: 'DELIVERED' }, 'nope')).status).toBe(401);
    expect((await post({ reference: 'no-such-message', status: 'delivered' })).status).toBe(404);
    expect((await post({ reference: sent.id, status: 'exploded' })).status).toBe(422);
    const ok = await post({ id: sent.providerId, status: 'DELIVERED' });
    expect(await ok.json()).toEqual({ result: 'updated' });
    expect(await (await post({ reference: sent.id, status: 'delivered' })).json()).toEqual({ result: 'unchanged' });
    const d = await detail(c.id);
    expect(d.notifications[0]?.status).toBe('delivered');
    expect(d.events.filter((e) => e.type === 'communication').map((e) => e.data.status)).toEqual(['sent', 'delivered']);
  });
});

describe('attempt limit', () => {
  it('the last allowed failed attempt makes the message dead instead of retrying', async () => {
    const srv = await startTestServer({ services: false, env: gatewayEnv(gw) });
    try {
      const w = await setupWorld(srv);
      const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
        token: w.tokens.mainDesk,
        body: { hospitalId: w.main.id, sourceCode: 'PATIENT', title: 'Noise', description: 'Noise at night.', complainant: { name: 'N', phone: '0500000005' } },
      });
      const { rows } = await srv.db.pool.query<{ id: string }>('UPDATE outbox_messages SET attempt_limit = 2 WHERE complaint_id = $1 RETURNING id', [res.body.id]);
      const id = rows[0]?.id ?? '';
      const busy: SmsDriver = { name: 'busy', send: async () => ({ kind: 'retry', error: 'HTTP 503' }) };
      const recording: Promise<void>[] = [];
      const deps = {
        claim: async (m: string) => (await claimMessages(srv.db.pool, [m], { sms: 5_000, email: 5_000 }, srv.deps.clock.now())).claimed[0] ?? null,
        now: () => srv.deps.clock.now(),
        config: { baseUrl: 'http://x', orgName: 'SHCT', supportPhone: null, mailFrom: 'x@y' },
        sms: busy,
        mail: { name: 'none', send: async () => ({ kind: 'not_sent' as const, reason: '' }), close: () => undefined },
        overrides: async () => null,
        record: (r: Parameters<typeof recordAttempts>[1][number]) => {
          const p = recordAttempts(srv.db.pool, [r]);
          recording.push(p);
          return p;
        },
      };
      expect(await deliverMessage(id, deps)).toEqual({ kind: 'retry', error: 'HTTP 503' });
      expect(await deliverMessage(id, deps)).toEqual({ kind: 'done' });
      await Promise.all(recording);
      expect(await deliverMessage(id, deps)).toEqual({ kind: 'done' });
      const d = (await srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${res.body.id}`, { token: w.tokens.admin })).body;
      expect(d.notifications[0]).toMatchObject({ status: 'dead', attempts: 2, error: 'HTTP 503 (gave up after 2 attempts)' });
      expect(d.events.filter((e) => e.type === 'communication').map((e) => e.data.status)).toEqual(['failed', 'dead']);
    } finally {
      await srv.close();
    }
  });
});
