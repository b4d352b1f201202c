import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaseResponse } from '../../shared/api.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { COLLECTION_NAMES } from '../../shared/replication.ts';
import { deskComplaint, lease, pullAll, push, setupWorld, wire, type World } from '../complaints/fixtures.ts';
import { acceptNewComplaint } from './complaint-merge.ts';
import { writeComplaint } from '../complaints/store.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
let block: LeaseResponse;
let n = 0;

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  block = await lease(srv, w.tokens.mainDesk, w.main.id, 200);
});
afterAll(async () => {
  await srv?.close();
});

const newMain = () => deskComplaint(w.main.id, block, n++, w.users.mainDesk, srv.deps.clock.now());

async function pullEverything(token: string, collection: string, hospitalId: string, from: number, limit: number) {
  const ids: string[] = [];
  const pages: number[] = [];
  let seq = from;
  for (;;) {
    const page = await pullAll(srv, token, collection, hospitalId, seq, limit);
    pages.push(page.documents.length);
    if (page.documents.length === 0) {
      expect(page.checkpoint.seq).toBe(seq);
      return { ids, pages, seq };
    }
    ids.push(...page.documents.map((d) => String(d.id)));
    expect(page.checkpoint.seq).toBeGreaterThan(seq);
    seq = page.checkpoint.seq;
  }
}

describe('pull', () => {
  it('pages by seq, honouring limit exactly and never skipping a document', async () => {
    const start = (await pullEverything(w.tokens.mainDesk, 'complaints', w.main.id, 0, 500)).seq;
    const docs = Array.from({ length: 23 }, () => newMain());
    const res = await push(srv, w.tokens.mainDesk, 'complaints', w.main.id, docs.map((d) => ({ assumedMasterState: null, newDocumentState: wire(d) })));
    expect(res.status).toBe(200);
    const all = await pullEverything(w.tokens.mainDesk, 'complaints', w.main.id, start, 10);
    expect(all.pages).toEqual([10, 10, 3, 0]);
    expect(all.ids).toEqual(docs.map((d) => d.id));
  });

  it('sees a transaction that took its seq first but commits last', async () => {
    const start = (await pullEverything(w.tokens.mainDesk, 'complaints', w.main.id, 0, 500)).seq;
    const slow = await srv.db.pool.connect();
    const fast = await srv.db.pool.connect();
    const ctx = { deskId: 'desk', now: Date.now(), dueAt: () => null, actor: { id: 'admin', role: 'admin' as const, departmentId: null } };
    const slowDoc = acceptNewComplaint(newMain(), ctx).doc;
    const fastDoc = acceptNewComplaint(newMain(), ctx).doc;
    try {
      await slow.query('BEGIN');
      await writeComplaint(slow, slowDoc);
      await fast.query('BEGIN');
      // Would commit at once (ahead of `slow`) if seqs were not taken in commit order.
      const fastDone = writeComplaint(fast, fastDoc).then(() => fast.query('COMMIT'));
      const seen: string[] = [];
      let seq = start;
      for (let i = 0; i < 5; i++) {
        const page = await pullAll<ComplaintDoc>(srv, w.tokens.mainDesk, 'complaints', w.main.id, seq);
        seen.push(...page.documents.map((d) => d.id));
        seq = page.checkpoint.seq;
        await new Promise((r) => setTimeout(r, 20));
      }
      await slow.query('COMMIT');
      await fastDone;
      const rest = await pullAll<ComplaintDoc>(srv, w.tokens.mainDesk, 'complaints', w.main.id, seq);
      seen.push(...rest.documents.map((d) => d.id));
      expect(seen).toEqual([slowDoc.id, fastDoc.id]);
    } finally {
      await slow.query('ROLLBACK').catch(() => undefined);
      await fast.query('ROLLBACK').catch(() => undefined);
      slow.release();
      fast.release();
    }
  });

  it('scopes every collection to the requested hospital and never sends password hashes', async () => {
    const got: Record<string, Record<string, unknown>[]> = {};
    for (const c of COLLECTION_NAMES) got[c] = (await pullAll(srv, w.tokens.mainDesk, c, w.main.id, 0, 2000)).documents;
    expect(got.hospitals?.map((h) => h.id)).toEqual([w.main.id]);
    expect(got.departments?.length).toBeGreaterThan(0);
    expect(got.departments?.every((d) => d.hospitalId === w.main.id)).toBe(true);
    expect(got.slaConfigs?.every((d) => d.hospitalId === w.main.id)).toBe(true);
    expect(got.complaints?.every((d) => d.hospitalId === w.main.id)).toBe(true);
    expect(got.sources?.map((s) => s.code).sort()).toEqual(['CCHI', 'FAMILY', 'MOH', 'PATIENT']);
    const usernames = got.staff?.map((s) => s.username).sort();
    expect(usernames).toEqual(['admin', 'desk_main']);
    const text = JSON.stringify(got.staff);
    expect(text).not.toMatch(/password|argon2/i);
    for (const d of got.staff ?? []) expect(d._deleted).toBe(false);
  });

  it('refuses a hospital the caller may not see (403) and bad queries (422)', async () => {
    const other = await srv.call('GET', `/api/v1/replication/complaints/pull?hospitalId=${w.north.id}&seq=0&limit=10`, { token: w.tokens.mainDesk });
    expect(other.status).toBe(403);
    const bad = await srv.call('GET', `/api/v1/replication/complaints/pull?hospitalId=${w.main.id}&limit=0`, { token: w.tokens.mainDesk });
    expect(bad.status).toBe(422);
    const unknown = await srv.call('GET', `/api/v1/replication/nope/pull?hospitalId=${w.main.id}`, { token: w.tokens.mainDesk });
    expect(unknown.status).toBe(404);
    const anonymous = await srv.call('GET', `/api/v1/replication/complaints/pull?hospitalId=${w.main.id}`);
    expect(anonymous.status).toBe(401);
    const admin = await srv.call('GET', `/api/v1/replication/hospitals/pull?hospitalId=${w.north.id}`, { token: w.tokens.admin });
    expect(admin.status).toBe(200);
  });
});
