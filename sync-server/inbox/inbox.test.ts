import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDoc, StaffNotificationDoc } from '../../shared/documents.ts';
import type { WireDoc } from '../../shared/replication.ts';
import { pullAll, push, setupWorld, DESK_PASSWORD, type World } from '../complaints/fixtures.ts';
import { withTx } from '../db/pool.ts';
import { createUser } from '../directory.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { notifyUsers } from './store.ts';

let srv: TestServer;
let w: World;
let agentB: { id: string; token: string };

beforeAll(async () => {
  srv = await startTestServer({ services: false });
  w = await setupWorld(srv);
  const now = srv.deps.clock.now();
  const b = await withTx(srv.db.pool, (tx) =>
    createUser(tx, { username: 'desk_main_b', displayName: 'Second Desk', role: 'desk_agent', hospitalId: w.main.id, password: DESK_PASSWORD, now }),
  );
  agentB = { id: b.id, token: (await srv.login('desk_main_b', DESK_PASSWORD)).accessToken };
});
afterAll(async () => {
  await srv?.close();
});

type Wire = WireDoc<'notifications'>;
const pullMine = async (token: string, hospitalId = w.main.id) => (await pullAll<StaffNotificationDoc>(srv, token, 'notifications', hospitalId, 0, 2000)).documents;

async function newComplaint(): Promise<ComplaintDoc> {
  const res = await srv.call<ComplaintDoc>('POST', '/api/v1/complaints', {
    token: w.tokens.admin,
    body: { hospitalId: w.main.id, sourceCode: 'PATIENT', title: 'Noise at night', description: 'The ward was loud.', complainant: { name: 'Huda' } },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const assign = (token: string, id: string, assigneeId: string | null) => srv.call('PATCH', `/api/v1/complaints/${id}`, { token, body: { assigneeId } });

describe('in-app notifications', () => {
  it('reach the assignee when a complaint is assigned to them, and only them', async () => {
    const c = await newComplaint();
    expect((await assign(w.tokens.admin, c.id, w.users.mainDesk)).status).toBe(200);
    const mine = (await pullMine(w.tokens.mainDesk)).filter((n) => n.complaintId === c.id);
    expect(mine).toEqual([
      expect.objectContaining({ userId: w.users.mainDesk, hospitalId: w.main.id, kind: 'assigned', referenceNumber: c.referenceNumber, complaintTitle: 'Noise at night', readAt: null, _deleted: false }),
    ]);
    // Another user of the same hospital, and the admin who assigned it, receive nothing of it.
    expect((await pullMine(agentB.token)).filter((n) => n.complaintId === c.id)).toEqual([]);
    expect((await pullMine(w.tokens.admin)).filter((n) => n.complaintId === c.id)).toEqual([]);
  });

  it('are not made for assigning a complaint to oneself, nor again for the same assignment', async () => {
    const c = await newComplaint();
    await assign(agentB.token, c.id, agentB.id);
    expect((await pullMine(agentB.token)).filter((n) => n.complaintId === c.id)).toEqual([]);
    await assign(w.tokens.admin, c.id, agentB.id); // no change: no event, no notification
    expect((await pullMine(agentB.token)).filter((n) => n.complaintId === c.id)).toEqual([]);
  });
});

describe('the notifications collection is scoped by user', () => {
  const row = (userId: string, hospitalId: string, causeId: string) => ({
    hospitalId,
    userId,
    kind: 'overdue' as const,
    complaintId: 'c-scope',
    referenceNumber: 'CMP-2026-999999',
    complaintTitle: 'Scope',
    causeId,
    level: null,
    createdAt: srv.deps.clock.now(),
  });

  it('user A pulls theirs; user B of the same hospital, a group admin and another hospital’s desk pull none of it', async () => {
    await withTx(srv.db.pool, (tx) => notifyUsers(tx, [row(w.users.mainDesk, w.main.id, 'scope-1'), row(w.users.northDesk, w.north.id, 'scope-2')]));
    expect((await pullMine(w.tokens.mainDesk)).filter((n) => n.causeId === 'scope-1')).toHaveLength(1);
    expect((await pullMine(agentB.token)).filter((n) => n.complaintId === 'c-scope')).toEqual([]);
    expect((await pullMine(w.tokens.admin)).filter((n) => n.complaintId === 'c-scope')).toEqual([]);
    expect((await pullMine(w.tokens.admin, w.north.id)).filter((n) => n.complaintId === 'c-scope')).toEqual([]);
    expect((await pullMine(w.tokens.northDesk, w.north.id)).map((n) => n.causeId)).toEqual(['scope-2']);
    // North's desk may not even ask for MAIN.
    const other = await srv.call('GET', `/api/v1/replication/notifications/pull?hospitalId=${w.main.id}`, { token: w.tokens.northDesk });
    expect(other.status).toBe(403);
  });

  it('pages by seq like every collection, so a checkpoint never skips one', async () => {
    const before = (await pullAll(srv, agentB.token, 'notifications', w.main.id, 0, 2000)).checkpoint.seq;
    await withTx(srv.db.pool, (tx) => notifyUsers(tx, [1, 2, 3].map((i) => row(agentB.id, w.main.id, `page-${i}`))));
    const first = await pullAll<StaffNotificationDoc>(srv, agentB.token, 'notifications', w.main.id, before, 2);
    const rest = await pullAll<StaffNotificationDoc>(srv, agentB.token, 'notifications', w.main.id, first.checkpoint.seq, 2);
    expect([...first.documents, ...rest.documents].map((n) => n.causeId)).toEqual(['page-1', 'page-2', 'page-3']);
  });

  it('writes one row per cause and user, however often it is written', async () => {
    await withTx(srv.db.pool, (tx) => notifyUsers(tx, [row(agentB.id, w.main.id, 'twice'), row(agentB.id, w.main.id, 'twice')]));
    await withTx(srv.db.pool, (tx) => notifyUsers(tx, [row(agentB.id, w.main.id, 'twice')]));
    expect((await pullMine(agentB.token)).filter((n) => n.causeId === 'twice')).toHaveLength(1);
  });
});

describe('marking as read (desk push)', () => {
  let note: Wire;
  const pushRead = (token: string, doc: Wire, readAt: number | null, over: Partial<Wire> = {}) =>
    push(srv, token, 'notifications', w.main.id, [{ assumedMasterState: doc, newDocumentState: { ...doc, readAt, ...over } }]);

  beforeAll(async () => {
    await withTx(srv.db.pool, (tx) =>
      notifyUsers(tx, [{ hospitalId: w.main.id, userId: w.users.mainDesk, kind: 'reminder', complaintId: 'c-read', referenceNumber: 'CMP-2026-888888', complaintTitle: 'Read me', causeId: 'read-1', level: 1, createdAt: 1 }]),
    );
    note = (await pullMine(w.tokens.mainDesk)).find((n) => n.causeId === 'read-1') as Wire;
  });

  it('takes readAt from the notification’s own user, and it replicates back', async () => {
    const res = await pushRead(w.tokens.mainDesk, note, 5_000);
    expect(res.status).toBe(200);
    expect(res.body.conflicts).toEqual([]);
    expect((await pullMine(w.tokens.mainDesk)).find((n) => n.id === note.id)?.readAt).toBe(5_000);
  });

  it('keeps the first read time and refuses to make it unread', async () => {
    const later = await pushRead(w.tokens.mainDesk, note, 9_000);
    expect(later.body.conflicts).toEqual([expect.objectContaining({ id: note.id, readAt: 5_000 })]);
    const unread = await pushRead(w.tokens.mainDesk, note, null);
    expect(unread.body.conflicts).toEqual([expect.objectContaining({ id: note.id, readAt: 5_000 })]);
  });

  it('never takes another field from a desk: the server’s state comes back instead', async () => {
    const res = await pushRead(w.tokens.mainDesk, note, 5_000, { kind: 'assigned', userId: agentB.id, complaintTitle: 'Hacked' });
    expect(res.body.conflicts).toEqual([expect.objectContaining({ id: note.id, kind: 'reminder', userId: w.users.mainDesk, complaintTitle: 'Read me' })]);
    expect((await pullMine(agentB.token)).find((n) => n.id === note.id)).toBeUndefined();
  });

  it('ignores another user’s notification and one the server never made, revealing nothing', async () => {
    const fresh = { ...note, id: 'n_made_up', readAt: null };
    const res = await push(srv, agentB.token, 'notifications', w.main.id, [
      { assumedMasterState: note, newDocumentState: { ...note, readAt: 7_000 } },
      { assumedMasterState: null, newDocumentState: fresh },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.conflicts).toEqual([]);
    expect((await pullMine(w.tokens.mainDesk)).find((n) => n.id === note.id)?.readAt).toBe(5_000);
    const { rows } = await srv.db.pool.query('SELECT id FROM staff_notifications WHERE id = $1', ['n_made_up']);
    expect(rows).toEqual([]);
  });

  it('refuses a malformed push (422) and writes nothing', async () => {
    const res = await push(srv, w.tokens.mainDesk, 'notifications', w.main.id, [{ assumedMasterState: null, newDocumentState: { ...note, readAt: -1 } }]);
    expect(res.status).toBe(422);
  });
});
