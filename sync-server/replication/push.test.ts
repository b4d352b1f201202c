import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaseResponse } from '../../shared/api.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { formatReference } from '../../shared/reference-number.ts';
import type { WireDoc } from '../../shared/replication.ts';
import { deskComplaint, deskEvent, lease, pullAll, push, pushNew, setupWorld, wire, type World } from '../complaints/fixtures.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
let block: LeaseResponse;
let northBlock: LeaseResponse;
let n = 0;
const HOUR = 3_600_000;

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  block = await lease(srv, w.tokens.mainDesk, w.main.id, 100);
  northBlock = await lease(srv, w.tokens.northDesk, w.north.id, 20);
});
afterAll(async () => {
  await srv?.close();
});

const now = () => srv.deps.clock.now();
const newMain = (over: Partial<ComplaintDoc> = {}) => deskComplaint(w.main.id, block, n++, w.users.mainDesk, now(), over);
const strip = ({ _deleted, ...doc }: WireDoc<'complaints'>): ComplaintDoc => doc;

async function dbState() {
  const { rows } = await srv.db.pool.query<{ complaints: number; events: number; maxseq: number }>(
    `SELECT (SELECT count(*)::int FROM complaints) AS complaints, (SELECT count(*)::int FROM events) AS events,
            (SELECT coalesce(max(seq), 0) FROM (SELECT seq FROM complaints UNION ALL SELECT seq FROM events) s) AS maxseq`,
  );
  return rows[0];
}

async function eventsOf(complaintId: string): Promise<TimelineEventDoc[]> {
  const { rows } = await srv.db.pool.query<{ doc: TimelineEventDoc }>(
    'SELECT doc FROM events WHERE complaint_id = $1 ORDER BY at, id',
    [complaintId],
  );
  return rows.map((r) => r.doc);
}

describe('push of a new complaint', () => {
  it('stores it once with server-owned fields, and a replay changes nothing', async () => {
    // No phone: the outbox's SMS attempt would add a communication event of its own, in its own time.
    const doc = newMain({ sourceCode: 'MOH', dueAt: 1, overdue: true, escalationLevel: 3, complainant: { name: 'Sara', phone: null, email: null, language: 'ar', smsOptOut: false } });
    const created = deskEvent(doc, w.users.mainDesk, now());
    const rows = [{ assumedMasterState: null, newDocumentState: wire(doc) }];
    const first = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, rows);
    expect(first.status).toBe(200);
    const state = first.body.conflicts[0];
    expect(state).toMatchObject({
      id: doc.id, dueAt: doc.createdAt + 24 * HOUR, overdue: false, escalationLevel: 0,
      referenceConfirmed: true, trackingConfirmed: true, title: doc.title, _deleted: false,
    });
    const ev = await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(created) }]);
    expect(ev.body).toEqual({ conflicts: [] });
    const before = await dbState();

    const replay = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, rows);
    expect(replay.status).toBe(200);
    expect(replay.body.conflicts).toEqual([state]);
    const replayEvents = await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(created) }]);
    expect(replayEvents.body).toEqual({ conflicts: [] });
    expect(await dbState()).toEqual(before);
    // The desk's own `created` event is the only one: the server adds none for a pushed complaint.
    expect((await eventsOf(doc.id)).map((e) => e.id)).toEqual([created.id]);
  });

  it('refuses a reference number outside the hospital’s leased blocks (403, nothing written)', async () => {
    const before = await dbState();
    const unleased = newMain({ referenceNumber: formatReference(block.year, block.end + 5000) });
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [
      { assumedMasterState: null, newDocumentState: wire(newMain()) },
      { assumedMasterState: null, newDocumentState: wire(unleased) },
    ]);
    expect(res.status).toBe(403);
    const northNumber = newMain({ referenceNumber: formatReference(northBlock.year, northBlock.start) });
    const res2 = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(northNumber) }]);
    expect(res2.status).toBe(403);
    expect(await dbState()).toEqual(before);
  });

  it('answers a malformed body with 422 and field errors, writing nothing', async () => {
    const before = await dbState();
    const bad = { ...newMain(), status: 'DONE', title: 'x' };
    const res = await srv.call<{ error: string; fields: Record<string, string> }>(
      'POST', `/api/v1/replication/complaints/push?hospitalId=${w.main.id}`,
      { token: w.tokens.mainDesk, body: { deskId: 'desk-1', rows: [{ assumedMasterState: null, newDocumentState: { ...bad, _deleted: false } }] } },
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('validation_failed');
    expect(Object.keys(res.body.fields)).toEqual(
      expect.arrayContaining(['rows.0.newDocumentState.status', 'rows.0.newDocumentState.title']),
    );
    const noRows = await srv.call('POST', `/api/v1/replication/events/push?hospitalId=${w.main.id}`, { token: w.tokens.mainDesk, body: { rows: 'x' } });
    expect(noRows.status).toBe(422);
    expect(await dbState()).toEqual(before);
  });
});

describe('two desks editing the same complaint offline', () => {
  it('keeps both edits when they touch different fields', async () => {
    const base = strip(await pushNew(srv, w.tokens.mainDesk, newMain()));
    const deskA = { ...base, status: 'ASSIGNED' as const, updatedAt: base.updatedAt + 10, updatedBy: 'user-A' };
    const deskB = { ...base, priority: 'high' as const, updatedAt: base.updatedAt + 20, updatedBy: 'user-B' };
    const a = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(base), newDocumentState: wire(deskA) }], 'desk-A');
    expect(a.body.conflicts).toEqual([]);
    const b = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(base), newDocumentState: wire(deskB) }], 'desk-B');
    expect(b.body.conflicts).toHaveLength(1);
    expect(b.body.conflicts[0]).toMatchObject({ status: 'ASSIGNED', priority: 'high' });
    const pulled = await pullAll<ComplaintDoc>(srv, w.tokens.mainDesk, 'complaints', w.main.id);
    expect(pulled.documents.find((d) => d.id === base.id)).toMatchObject({ status: 'ASSIGNED', priority: 'high' });
    expect((await eventsOf(base.id)).filter((e) => e.type === 'conflict_resolved')).toEqual([]);
  });

  it('keeps the first edit of the same field and records the lost one on the timeline, once', async () => {
    const base = strip(await pushNew(srv, w.tokens.mainDesk, newMain()));
    const deskA = { ...base, priority: 'high' as const, updatedAt: base.updatedAt + 10, updatedBy: 'user-A' };
    const deskB = { ...base, priority: 'low' as const, updatedAt: base.updatedAt + 20, updatedBy: 'user-B' };
    await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(base), newDocumentState: wire(deskA) }], 'desk-A');
    const rowsB = [{ assumedMasterState: wire(base), newDocumentState: wire(deskB) }];
    const b = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, rowsB, 'desk-B');
    expect(b.body.conflicts[0]).toMatchObject({ priority: 'high' });
    const conflicts = (await eventsOf(base.id)).filter((e) => e.type === 'conflict_resolved');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      field: 'priority', from: 'high', to: 'low', visibility: 'internal', hospitalId: w.main.id, at: now(),
      data: { deskId: 'desk-B', lostBy: 'user-B', keptValue: 'high', lostValue: 'low' },
    });
    const before = await dbState();
    const replay = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, rowsB, 'desk-B');
    expect(replay.body).toEqual(b.body);
    expect(await dbState()).toEqual(before);
  });

  it('judges a complaint taken and moved on offline by the pushing user’s role, keeping the complaint', async () => {
    // A desk agent took two complaints offline: resolved one themselves, routed the other to the admin.
    const own = newMain({ status: 'RESOLVED', assigneeId: w.users.mainDesk, resolution: 'Apologised; rota fixed' });
    const routed = newMain({ status: 'ASSIGNED', assigneeId: w.users.admin });
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [own, routed].map((d) => ({ assumedMasterState: null, newDocumentState: wire(d) })));
    expect(res.status).toBe(200);
    const answer = new Map(res.body.conflicts.map((c) => [c.id, c]));
    expect(answer.get(own.id)).toMatchObject({ status: 'RESOLVED', assigneeId: w.users.mainDesk, resolution: 'Apologised; rota fixed' });
    // Desk agents assign only to themselves: the routing is a lost edit, the complaint is kept.
    expect(answer.get(routed.id)).toMatchObject({ status: 'PENDING', assigneeId: null, title: routed.title, referenceConfirmed: true });
    const lost = (await eventsOf(routed.id)).filter((e) => e.type === 'conflict_resolved');
    expect(lost.map((e) => [e.field, e.from, e.to]).sort()).toEqual([['assigneeId', null, w.users.admin], ['status', 'PENDING', 'ASSIGNED']].sort());
    expect((await eventsOf(own.id)).filter((e) => e.type === 'conflict_resolved')).toEqual([]);
  });

  it('treats a status change the workflow refuses as a lost edit', async () => {
    const base = strip(await pushNew(srv, w.tokens.mainDesk, newMain()));
    const cancelled = { ...base, status: 'CANCELLED' as const, updatedAt: base.updatedAt + 1 };
    await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(base), newDocumentState: wire(cancelled) }]);
    const reopen = { ...cancelled, status: 'PENDING' as const, updatedAt: base.updatedAt + 2, updatedBy: 'user-C' };
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(cancelled), newDocumentState: wire(reopen) }]);
    expect(res.body.conflicts[0]).toMatchObject({ status: 'CANCELLED' });
    const lost = (await eventsOf(base.id)).filter((e) => e.type === 'conflict_resolved');
    expect(lost).toMatchObject([{ field: 'status', from: 'CANCELLED', to: 'PENDING' }]);
  });

  it('never lets a desk overwrite server-owned fields', async () => {
    const base = strip(await pushNew(srv, w.tokens.mainDesk, newMain()));
    const forged = {
      ...base, title: 'Changed title', dueAt: 1, overdue: true, reminderLevel: 4, escalationLevel: 9, escalatedAt: 5,
      referenceConfirmed: false, trackingConfirmed: false, updatedAt: base.updatedAt + 1,
    };
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(base), newDocumentState: wire(forged) }]);
    expect(res.body.conflicts[0]).toMatchObject({
      title: 'Changed title', dueAt: base.dueAt, overdue: false, reminderLevel: 0, escalationLevel: 0, escalatedAt: null,
      referenceConfirmed: true, trackingConfirmed: true,
    });
  });

  it('moves the due time when the desk changes the source', async () => {
    const base = strip(await pushNew(srv, w.tokens.mainDesk, newMain({ sourceCode: 'PATIENT' })));
    expect(base.dueAt).toBe(base.createdAt + 72 * HOUR);
    const moh = { ...base, sourceCode: 'MOH', updatedAt: base.updatedAt + 1 };
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(base), newDocumentState: wire(moh) }]);
    expect(res.body.conflicts[0]).toMatchObject({ sourceCode: 'MOH', dueAt: base.createdAt + 24 * HOUR });
  });
});

describe('hospital isolation on push', () => {
  it('refuses a complaint pushed into another hospital, writing nothing', async () => {
    const before = await dbState();
    const intoNorth = deskComplaint(w.north.id, northBlock, 0, w.users.mainDesk, now());
    const viaNorth = await push(srv, w.tokens.mainDesk, 'complaints', w.north.id, [{ assumedMasterState: null, newDocumentState: wire(intoNorth) }]);
    expect(viaNorth.status).toBe(403);
    const viaMain = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(intoNorth) }]);
    expect(viaMain.status).toBe(403);
    expect(await dbState()).toEqual(before);
  });

  it('never answers with another hospital’s document', async () => {
    const north = strip(await pushNew(srv, w.tokens.northDesk, deskComplaint(w.north.id, northBlock, 1, w.users.northDesk, now())));
    const before = await dbState();
    // A main desk replays the north complaint's id as if it were its own.
    const hijack = { ...north, hospitalId: w.main.id, title: 'Mine now', referenceNumber: formatReference(block.year, block.start + 99) };
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(hijack), newDocumentState: wire(hijack) }]);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain(north.complainant.name);
    expect(JSON.stringify(res.body)).not.toContain(north.trackingSecret);
    const event = deskEvent({ ...north, hospitalId: w.main.id }, w.users.mainDesk, now(), { type: 'note', comment: 'x' });
    const ev = await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(event) }]);
    expect(ev.status).toBe(403);
    expect(await dbState()).toEqual(before);
  });
});

describe('push of events', () => {
  it('inserts an event once and answers a different document under its id with the stored one', async () => {
    const doc = strip(await pushNew(srv, w.tokens.mainDesk, newMain()));
    const note = deskEvent(doc, w.users.mainDesk, now(), { type: 'note', comment: 'Called the patient', visibility: 'internal' });
    const first = await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(note) }]);
    expect(first.body.conflicts).toEqual([]);
    const tampered = { ...note, comment: 'Something else' };
    const second = await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: wire(note), newDocumentState: wire(tampered) }]);
    expect(second.body.conflicts).toEqual([wire(note)]);
    expect((await eventsOf(doc.id)).find((e) => e.id === note.id)?.comment).toBe('Called the patient');
  });

  it('accepts an event that arrives before its complaint', async () => {
    const doc = newMain();
    const created = deskEvent(doc, w.users.mainDesk, now());
    const res = await push(srv, w.tokens.mainDesk, 'events', w.main.id, [{ assumedMasterState: null, newDocumentState: wire(created) }]);
    expect(res.body.conflicts).toEqual([]);
    await pushNew(srv, w.tokens.mainDesk, doc);
    expect((await eventsOf(doc.id)).map((e) => e.id)).toEqual([created.id]);
  });

  it('accepts pushes only for complaints and events', async () => {
    const res = await srv.call('POST', `/api/v1/replication/hospitals/push?hospitalId=${w.main.id}`, {
      token: w.tokens.admin, body: { deskId: 'd', rows: [] },
    });
    expect(res.status).toBe(404);
  });
});
