import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/documents.ts';
import type { Role } from '../../shared/enums.ts';
import { createUser } from '../bootstrap.ts';
import { withTx } from '../db/pool.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { DESK_PASSWORD, deskEvent, pullAll, push, setupWorld, wire, type World } from './fixtures.ts';
import type { ComplaintDetail, ComplaintView } from './view.ts';

/**
 * Issue 6: the role rule of complaint changes (shared/complaint-access.ts) holds on the server,
 * for a desk's push (a refused change is a lost edit) and for the integration API (403).
 */
let srv: TestServer;
let w: World;
type Staff = { id: string; token: string };
let staff: { nurse: Staff; manager: Staff; ceo: Staff };

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  const add = async (username: string, role: Role, departmentId: string | null): Promise<Staff> => {
    const user = await withTx(srv.db.pool, (tx) =>
      createUser(tx, { username, displayName: username, role, hospitalId: w.main.id, departmentId, password: DESK_PASSWORD, now: srv.deps.clock.now() }),
    );
    return { id: user.id, token: (await srv.login(username, DESK_PASSWORD)).accessToken };
  };
  staff = {
    nurse: await add('access_nurse', 'desk_agent', w.mainDepartmentId),
    manager: await add('access_manager', 'department_manager', w.mainDepartmentId),
    ceo: await add('access_ceo', 'ceo', null),
  };
});
afterAll(async () => {
  await srv?.close();
});

async function complaint(assigneeId: string | null): Promise<ComplaintDoc> {
  const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
    token: w.tokens.admin,
    body: {
      hospitalId: w.main.id, sourceCode: 'PATIENT', departmentId: w.mainDepartmentId, title: 'Lost wheelchair',
      description: 'The wheelchair lent at admission was taken back.', complainant: { name: 'Amal', phone: '0501110000', language: 'en' },
    },
  });
  if (assigneeId !== null) await srv.call('PATCH', `/api/v1/complaints/${res.body.id}`, { token: w.tokens.admin, body: { assigneeId } });
  for (const to of ['ASSIGNED', 'IN_PROGRESS']) await srv.call('POST', `/api/v1/complaints/${res.body.id}/transitions`, { token: w.tokens.admin, body: { to } });
  return onDesk(res.body.id);
}

async function onDesk(id: string): Promise<ComplaintDoc> {
  const found = (await pullAll<ComplaintDoc>(srv, w.tokens.mainDesk, 'complaints', w.main.id)).documents.find((d) => d.id === id);
  if (!found) throw new Error('not on the desk');
  const { _deleted: _ignored, ...doc } = found;
  return doc;
}

const detail = async (id: string) => (await srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${id}`, { token: w.tokens.admin })).body;

describe('a desk push the pushing user\'s role may not make', () => {
  it('is not applied: the server keeps its values, records the refused ones, and tells nobody', async () => {
    const before = await complaint(staff.nurse.id);
    // A desk agent (not the assignee) resolves it, makes it urgent and takes it, offline.
    const forged = { ...before, status: 'RESOLVED' as const, resolution: 'Closed from my desk', priority: 'urgent' as const, assigneeId: w.users.mainDesk, updatedAt: before.updatedAt + 1, updatedBy: w.users.mainDesk };
    const resolved = deskEvent(before, w.users.mainDesk, before.updatedAt + 1, { type: 'status_changed', field: 'status', from: 'IN_PROGRESS', to: 'RESOLVED', data: { resolution: 'Closed from my desk' } });
    expect((await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(resolved) }])).status).toBe(200);
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(before), newDocumentState: wire(forged) }]);

    expect(res.status).toBe(200);
    expect(res.body.conflicts).toEqual([wire(before)]);
    expect(await onDesk(before.id)).toEqual(before);
    const d = await detail(before.id);
    const refused = d.events.filter((e) => e.type === 'conflict_resolved');
    expect(refused.map((e) => [e.field, e.data.keptValue, e.data.lostValue]).sort()).toEqual([
      ['assigneeId', staff.nurse.id, w.users.mainDesk],
      ['priority', 'medium', 'urgent'],
      ['resolution', null, 'Closed from my desk'],
      ['status', 'IN_PROGRESS', 'RESOLVED'],
    ]);
    // The desk's own status event stays on the timeline (events are immutable) but sent nothing.
    expect(d.notifications.map((n) => n.template)).toEqual(['complaint_received']);
  });

  it('the same change by someone the rule allows is applied', async () => {
    const before = await complaint(staff.nurse.id);
    const change = { ...before, status: 'RESOLVED' as const, resolution: 'Wheelchair returned', priority: 'high' as const, updatedAt: before.updatedAt + 1 };
    // The department's manager, and the assignee herself.
    for (const [token, doc] of [[staff.manager.token, { ...change, updatedBy: staff.manager.id }], [staff.nurse.token, { ...change, status: 'CLOSED' as const, updatedAt: before.updatedAt + 2, updatedBy: staff.nurse.id }]] as const) {
      const current = await onDesk(before.id);
      expect((await push(srv, token, 'complaints', w.main.id, [{ assumedMasterState: wire(current), newDocumentState: wire(doc) }])).status).toBe(200);
    }
    expect(await onDesk(before.id)).toMatchObject({ status: 'CLOSED', resolution: 'Wheelchair returned', priority: 'high', assigneeId: staff.nurse.id });
    expect((await detail(before.id)).events.filter((e) => e.type === 'conflict_resolved')).toEqual([]);
  });

  it('a desk agent takes a free complaint, but may not hand it to someone else', async () => {
    const free = await complaint(null);
    const toNurse = { ...free, assigneeId: staff.nurse.id, updatedAt: free.updatedAt + 1, updatedBy: w.users.mainDesk };
    const refused = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(free), newDocumentState: wire(toNurse) }]);
    expect(refused.body.conflicts).toEqual([wire(free)]);
    const taken = { ...free, assigneeId: w.users.mainDesk, priority: 'high' as const, updatedAt: free.updatedAt + 2, updatedBy: w.users.mainDesk };
    expect((await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(free), newDocumentState: wire(taken) }])).status).toBe(200);
    expect(await onDesk(free.id)).toMatchObject({ assigneeId: w.users.mainDesk, priority: 'high' });
    expect((await detail(free.id)).events.filter((e) => e.type === 'conflict_resolved').map((e) => e.field)).toEqual(['assigneeId']);
  });
});

describe('the integration API holds the same rule', () => {
  const patch = (token: string, id: string, body: object) => srv.call<{ error?: string; field?: string; reason?: string; priority?: string }>('PATCH', `/api/v1/complaints/${id}`, { token, body });
  const move = (token: string, id: string, body: object) => srv.call<{ error?: string; reason?: string; status?: string }>('POST', `/api/v1/complaints/${id}/transitions`, { token, body });

  it('answers 403 with the reason, and changes nothing', async () => {
    const c = await complaint(staff.nurse.id);
    expect(await patch(w.tokens.mainDesk, c.id, { priority: 'urgent' })).toMatchObject({ status: 403, body: { error: 'role_forbids', field: 'priority', reason: 'not_your_complaint' } });
    expect(await move(w.tokens.mainDesk, c.id, { to: 'RESOLVED', resolution: 'Done' })).toMatchObject({ status: 403, body: { error: 'role_forbids', field: 'status', reason: 'not_your_complaint' } });
    expect(await move(staff.ceo.token, c.id, { to: 'WAITING_USER' })).toMatchObject({ status: 403, body: { reason: 'read_only_role' } });
    const free = await complaint(null);
    expect(await patch(w.tokens.mainDesk, free.id, { assigneeId: staff.nurse.id })).toMatchObject({ status: 403, body: { field: 'assigneeId', reason: 'assign_others_not_allowed' } });
    // What is not workflow stays open to the desk.
    expect((await patch(w.tokens.mainDesk, c.id, { title: 'Lost wheelchair at admission' })).status).toBe(200);
    expect(await onDesk(c.id)).toMatchObject({ status: 'IN_PROGRESS', priority: 'medium', assigneeId: staff.nurse.id, title: 'Lost wheelchair at admission' });
    expect(await onDesk(free.id)).toMatchObject({ assigneeId: null });
  });

  it('lets the assignee, the department manager and an agent taking a free complaint through', async () => {
    const c = await complaint(staff.nurse.id);
    expect((await patch(staff.nurse.token, c.id, { priority: 'high' })).status).toBe(200);
    expect((await move(staff.manager.token, c.id, { to: 'RESOLVED', resolution: 'Returned' })).status).toBe(200);
    const free = await complaint(null);
    expect((await patch(w.tokens.mainDesk, free.id, { assigneeId: w.users.mainDesk })).status).toBe(200);
    expect((await move(w.tokens.mainDesk, free.id, { to: 'WAITING_USER' })).status).toBe(200);
  });
});
