import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { deskComplaint, lease, pullAll, push, pushNew, setupWorld, wire, type World } from '../complaints/fixtures.ts';
import type { ComplaintDetail } from '../complaints/view.ts';
import { withTx } from '../db/pool.ts';
import { createUser } from '../bootstrap.ts';
import { startTestServer } from '../test/server.ts';
import { surveyPath } from './links.ts';
import { makeComplaint, raw, textOf } from './testing.ts';

/**
 * Rotating a complaint's tracking secret: the old link (and its survey link) shows nothing any
 * more, the new one works, staff of another hospital cannot, and the desks get the new secret by
 * replication — a desk's later push with the old secret does not bring it back.
 */
let w: World;
let otherHospitalAdmin: string;

beforeAll(async () => {
  w = await setupWorld(await startTestServer());
  const now = w.srv.deps.clock.now();
  await withTx(w.srv.db.pool, (tx) =>
    createUser(tx, { username: 'north_admin', displayName: 'North Admin', role: 'hospital_admin', hospitalId: w.north.id, password: 'north-admin-password', now }),
  );
  otherHospitalAdmin = (await w.srv.login('north_admin', 'north-admin-password')).accessToken;
});
afterAll(async () => {
  await w?.srv.close();
});

const rotate = (idOrRef: string, token: string) =>
  w.srv.call<{ trackingUrl: string; updatedAt: string }>('POST', `/api/v1/complaints/${encodeURIComponent(idOrRef)}/tracking-secret`, { token });

describe('POST /api/v1/complaints/:idOrRef/tracking-secret', () => {
  it('gives a new link; the old one and its survey link open nothing any more', async () => {
    const c = await makeComplaint(w);
    const res = await rotate(c.referenceNumber, w.tokens.mainDesk);
    expect(res.status).toBe(200);
    const fresh = new URL(res.body.trackingUrl);
    const secret = fresh.searchParams.get('s') ?? '';
    expect(fresh.pathname).toBe(c.path);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(secret).not.toBe(c.secret);

    const old = await raw(w.srv.url, `${c.path}?s=${c.secret}`);
    const nothing = await raw(w.srv.url, '/complaints/track/CMP-2020-000001/');
    expect(old.body).toBe(nothing.body);
    expect(old.body).not.toContain(c.referenceNumber);
    expect((await raw(w.srv.url, `${surveyPath(c.referenceNumber)}?s=${c.secret}`)).status).toBe(404);
    const now = await raw(w.srv.url, `${c.path}?s=${secret}`);
    expect(now.body).toContain(c.referenceNumber);

    // The integration API gives the new link, and the timeline says the link changed, never what it was.
    const d = (await w.srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${c.id}`, { token: w.tokens.admin })).body;
    expect(d.trackingUrl).toBe(res.body.trackingUrl);
    const event = d.events.find((e) => e.type === 'field_changed' && e.field === 'trackingSecret');
    expect(event?.visibility).toBe('internal');
    expect(event?.actor?.name).toBe('Main Desk');
    expect(JSON.stringify(event)).not.toContain(secret);
    expect(JSON.stringify(event)).not.toContain(c.secret);
    expect(textOf(now.body)).not.toMatch(/tracking ?secret/i);
  });

  it('is refused for another hospital’s complaint (404, as if it did not exist), and for no token', async () => {
    const c = await makeComplaint(w);
    expect((await rotate(c.id, w.tokens.northDesk)).status).toBe(404);
    expect((await rotate(c.id, otherHospitalAdmin)).status).toBe(404);
    expect((await w.srv.call('POST', `/api/v1/complaints/${c.id}/tracking-secret`)).status).toBe(401);
    expect((await raw(w.srv.url, `${c.path}?s=${c.secret}`)).body).toContain(c.referenceNumber);
  });

  it('reaches the desks by replication, and a desk pushing the old secret does not bring it back', async () => {
    const block = await lease(w.srv, w.tokens.mainDesk, w.main.id);
    const now = w.srv.deps.clock.now();
    const doc = deskComplaint(w.main.id, block, 0, w.users.mainDesk, now);
    const accepted = await pushNew(w.srv, w.tokens.mainDesk, doc);
    expect(accepted.trackingConfirmed).toBe(true);
    expect(accepted.trackingSecret).toBe(doc.trackingSecret);

    const rotated = await rotate(doc.id, w.tokens.mainDesk);
    const secret = new URL(rotated.body.trackingUrl).searchParams.get('s');
    const pulled = await pullAll<ComplaintDoc>(w.srv, w.tokens.mainDesk, 'complaints', w.main.id);
    const mine = pulled.documents.find((d) => d.id === doc.id);
    expect(mine?.trackingSecret).toBe(secret);
    expect(mine?.trackingConfirmed).toBe(true);

    // A desk that had not seen the rotation edits the complaint from its old state.
    const { _deleted, ...assumed } = accepted;
    const edited = { ...assumed, priority: 'high' as const, updatedAt: now + 1 };
    const res = await push(w.srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(assumed), newDocumentState: wire(edited) }]);
    expect(res.status).toBe(200);
    const answer = res.body.conflicts.find((d) => d.id === doc.id);
    expect(answer?.trackingSecret).toBe(secret);
    expect(answer?.priority).toBe('high');
    expect((await raw(w.srv.url, `/complaints/track/${doc.referenceNumber}/?s=${secret}`)).body).toContain(doc.referenceNumber);
    expect((await raw(w.srv.url, `/complaints/track/${doc.referenceNumber}/?s=${doc.trackingSecret}`)).body).not.toContain(doc.referenceNumber);
  });
});
