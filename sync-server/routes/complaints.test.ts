import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { pullAll, setupWorld, type World } from '../complaints/fixtures.ts';
import type { ComplaintDetail, ComplaintView } from '../complaints/view.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
beforeAll(async () => {
  srv = await startTestServer({ env: { BASE_URL: 'https://track.example.org/' } });
  w = await setupWorld(srv);
});
afterAll(async () => {
  await srv?.close();
});

const HOUR = 3_600_000;
type Fields = { error: string; fields: Record<string, string> };

function create(token: string, over: Record<string, unknown> = {}) {
  return srv.call<ComplaintView>('POST', '/api/v1/complaints', {
    token,
    body: {
      hospitalId: w.main.id,
      sourceCode: 'MOH',
      title: 'Referral letter lost',
      description: 'The referral letter for my father was lost twice.',
      complainant: { name: 'Noura Al-Qahtani', phone: '0501234567' },
      ...over,
    },
  });
}

describe('POST /api/v1/complaints', () => {
  it('creates a complaint with a reference, a due time from the source SLA and a tracking link', async () => {
    const res = await create(w.tokens.mainDesk);
    expect(res.status).toBe(201);
    const c = res.body;
    expect(c.referenceNumber).toMatch(/^CMP-\d{4}-\d{6}$/);
    expect(c).toMatchObject({ status: 'PENDING', hospitalId: w.main.id, severity: 'medium', priority: 'medium', type: 'complaint' });
    expect(c.complainant).toMatchObject({ phone: '+966501234567', language: 'ar', smsOptOut: false });
    expect(Date.parse(c.dueAt ?? '') - Date.parse(c.createdAt)).toBe(24 * HOUR);
    expect(c.trackingUrl).toMatch(new RegExp(`^https://track\\.example\\.org/complaints/track/${c.referenceNumber}/\\?s=[A-Za-z0-9_-]{22,}$`));
    expect(c).not.toHaveProperty('trackingSecret');
  });

  it('answers bad input with 422 and the fields at fault', async () => {
    const phone = await create(w.tokens.mainDesk, { complainant: { name: 'X', phone: '12' } });
    expect(phone.status).toBe(422);
    expect((phone.body as unknown as Fields).fields).toEqual({ 'complainant.phone': 'invalid_phone' });
    const unknown = await create(w.tokens.mainDesk, { sourceCode: 'NOPE', departmentId: w.northDepartmentId });
    expect((unknown.body as unknown as Fields).fields).toEqual({ sourceCode: 'unknown', departmentId: 'unknown' });
    // Another hospital is reported exactly like a hospital that does not exist.
    const other = await create(w.tokens.mainDesk, { hospitalId: w.north.id });
    const missing = await create(w.tokens.mainDesk, { hospitalId: 'no-such-hospital' });
    expect(other.status).toBe(422);
    expect(other.body).toEqual(missing.body);
    const shape = await create(w.tokens.mainDesk, { title: 'x', severity: 'huge' });
    expect(shape.status).toBe(422);
    expect(Object.keys((shape.body as unknown as Fields).fields).sort()).toEqual(['severity', 'title']);
  });
});

describe('GET, PATCH and transitions of one complaint', () => {
  it('reads by id or by reference, with its timeline and notifications', async () => {
    const c = (await create(w.tokens.mainDesk)).body;
    const byId = await srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${c.id}`, { token: w.tokens.mainDesk });
    const byRef = await srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${c.referenceNumber.toLowerCase()}`, { token: w.tokens.mainDesk });
    expect(byId.status).toBe(200);
    // The same complaint; its SMS may move on between the two reads (the outbox works meanwhile).
    const settled = (d: ComplaintDetail) => ({ ...d, notifications: d.notifications.map((n) => n.id), events: d.events.filter((e) => e.type !== 'communication') });
    expect(settled(byRef.body)).toEqual(settled(byId.body));
    // The complainant's received SMS (recorded only: no gateway here); its attempt is a
    // communication event written by the outbox in its own time, so left out below.
    expect(byId.body.notifications.map((n) => [n.channel, n.template, n.to])).toEqual([['sms', 'complaint_received', '+966501234567']]);
    const timeline = byId.body.events.filter((e) => e.type !== 'communication');
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      type: 'created', at: c.createdAt, actor: { id: w.users.mainDesk, name: 'Main Desk' }, visibility: 'public',
    });
    expect(Object.keys(byId.body.events[0] ?? {})).toEqual(
      expect.arrayContaining(['type', 'at', 'actor', 'from', 'to', 'comment', 'visibility', 'data']),
    );
  });

  it('hides another hospital’s complaint behind the same 404 as a missing one', async () => {
    const c = (await create(w.tokens.mainDesk)).body;
    const north = await srv.call('GET', `/api/v1/complaints/${c.id}`, { token: w.tokens.northDesk });
    const missing = await srv.call('GET', '/api/v1/complaints/CMP-2026-999999', { token: w.tokens.northDesk });
    expect(north.status).toBe(404);
    expect(north.body).toEqual(missing.body);
    const patch = await srv.call('PATCH', `/api/v1/complaints/${c.id}`, { token: w.tokens.northDesk, body: { priority: 'low' } });
    expect(patch.status).toBe(404);
    const move = await srv.call('POST', `/api/v1/complaints/${c.id}/transitions`, { token: w.tokens.northDesk, body: { to: 'ASSIGNED' } });
    expect(move.status).toBe(404);
    const admin = await srv.call('GET', `/api/v1/complaints/${c.referenceNumber}`, { token: w.tokens.admin });
    expect(admin.status).toBe(200);
  });

  it('records each change of a PATCH on the timeline and replicates it to the desks', async () => {
    const c = (await create(w.tokens.mainDesk, { sourceCode: 'PATIENT' })).body;
    const res = await srv.call<ComplaintDetail>('PATCH', `/api/v1/complaints/${c.id}`, {
      token: w.tokens.mainDesk,
      body: { priority: 'urgent', assigneeId: w.users.mainDesk, departmentId: w.mainDepartmentId, title: 'Referral letter lost' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ priority: 'urgent', assigneeId: w.users.mainDesk, departmentId: w.mainDepartmentId });
    const changes = res.body.events.filter((e) => e.type !== 'created' && e.type !== 'communication').map((e) => [e.type, e.field, e.from, e.to]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['field_changed', 'priority', 'medium', 'urgent'],
        ['assigned', 'assigneeId', null, w.users.mainDesk],
        ['field_changed', 'departmentId', null, w.mainDepartmentId],
      ]),
    );
    expect(changes).toHaveLength(3); // the unchanged title makes no event
    const pulled = await pullAll<ComplaintDoc>(srv, w.tokens.mainDesk, 'complaints', w.main.id, 0, 2000);
    expect(pulled.documents.find((d) => d.id === c.id)).toMatchObject({ priority: 'urgent', assigneeId: w.users.mainDesk });
    const events = await pullAll(srv, w.tokens.mainDesk, 'events', w.main.id, 0, 2000);
    expect(events.documents.filter((e) => e.complaintId === c.id && e.type !== 'communication')).toHaveLength(4);
  });

  it('refuses unknown fields, departments of another hospital and unknown assignees (422)', async () => {
    const c = (await create(w.tokens.mainDesk)).body;
    const path = `/api/v1/complaints/${c.id}`;
    const extra = await srv.call<Fields>('PATCH', path, { token: w.tokens.mainDesk, body: { status: 'CLOSED' } });
    expect(extra.status).toBe(422);
    const dept = await srv.call<Fields>('PATCH', path, { token: w.tokens.mainDesk, body: { departmentId: w.northDepartmentId } });
    expect(dept.body.fields).toEqual({ departmentId: 'unknown' });
    const who = await srv.call<Fields>('PATCH', path, { token: w.tokens.mainDesk, body: { assigneeId: w.users.northDesk } });
    expect(who.body.fields).toEqual({ assigneeId: 'unknown' });
  });

  it('moves through the workflow: 409 for a refused step, 422 without a resolution or a reopen reason', async () => {
    const c = (await create(w.tokens.mainDesk)).body;
    const move = (body: Record<string, unknown>) =>
      srv.call<ComplaintDetail & { allowed?: string[]; error?: string }>('POST', `/api/v1/complaints/${c.referenceNumber}/transitions`, {
        token: w.tokens.mainDesk,
        body,
      });
    const skip = await move({ to: 'RESOLVED', resolution: 'x' });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ error: 'transition_not_allowed', allowed: ['ASSIGNED', 'CANCELLED'] });
    expect((await move({ to: 'ASSIGNED' })).status).toBe(200);
    expect((await move({ to: 'IN_PROGRESS', comment: 'Looking into it' })).status).toBe(200);
    const noResolution = await move({ to: 'RESOLVED' });
    expect(noResolution.status).toBe(422);
    expect(noResolution.body).toMatchObject({ fields: { resolution: 'required' } });
    const resolved = await move({ to: 'RESOLVED', resolution: 'The letter was re-issued.', comment: 'Called her' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolution).toBe('The letter was re-issued.');
    expect(resolved.body.events.at(-1)).toMatchObject({
      type: 'status_changed', from: 'IN_PROGRESS', to: 'RESOLVED', comment: 'Called her', visibility: 'public',
    });
    expect((await move({ to: 'IN_PROGRESS' })).body).toMatchObject({ fields: { comment: 'required' } });
    expect((await move({ to: 'NOWHERE' })).status).toBe(422);
  });
});

describe('GET /api/v1/complaints', () => {
  it('filters, searches and pages over the caller’s hospitals only', async () => {
    const tag = `Parking-${Date.now()}`;
    const made: ComplaintView[] = [];
    for (const [i, priority] of (['low', 'high', 'high'] as const).entries()) {
      made.push((await create(w.tokens.mainDesk, { title: `${tag} ${i}`, priority, sourceCode: i ? 'CCHI' : 'FAMILY' })).body);
      srv.clock?.advance(60_000);
    }
    const list = (token: string, query: string) =>
      srv.call<{ data: ComplaintView[]; pagination: { page: number; limit: number; total: number } }>('GET', `/api/v1/complaints?${query}`, { token });
    const byTitle = await list(w.tokens.mainDesk, `q=${tag}&limit=2`);
    expect(byTitle.body.pagination).toEqual({ page: 1, limit: 2, total: 3 });
    expect(byTitle.body.data.map((d) => d.title)).toEqual([`${tag} 2`, `${tag} 1`]);
    const page2 = await list(w.tokens.mainDesk, `q=${tag}&limit=2&page=2`);
    expect(page2.body.data.map((d) => d.title)).toEqual([`${tag} 0`]);
    const high = await list(w.tokens.mainDesk, `q=${tag}&priority=high&source=CCHI&status=PENDING&overdue=false`);
    expect(high.body.pagination.total).toBe(2);
    const byRef = await list(w.tokens.mainDesk, `q=${made[0]?.referenceNumber}`);
    expect(byRef.body.data.map((d) => d.id)).toEqual([made[0]?.id]);
    const byName = await list(w.tokens.mainDesk, `q=noura al-qahtani&assignee=none&limit=200`);
    expect(byName.body.data.length).toBeGreaterThanOrEqual(3);
    const north = await list(w.tokens.northDesk, `q=${tag}`);
    expect(north.body.pagination.total).toBe(0);
    const admin = await list(w.tokens.admin, `q=${tag}&hospitalId=${w.main.id}`);
    expect(admin.body.pagination.total).toBe(3);
    expect((await list(w.tokens.mainDesk, 'status=SOMETHING')).status).toBe(422);
  });
});
