import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView, EventView } from '../complaints/view.ts';
import { setupWorld, DESK_PASSWORD, type World } from '../complaints/fixtures.ts';
import { createUser } from '../directory.ts';
import { withTx } from '../db/pool.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import type { IssuedLink } from './fire.ts';
import { startExplanationService, type RunningExplanationService } from './service.ts';

/**
 * Staff explanation requests end to end over HTTP, with the manual clock and the service started
 * by the test (so it can be restarted mid-way).
 */
const HOUR = 3_600_000;
let srv: TestServer;
let w: World;
let svc: RunningExplanationService;
const issued: IssuedLink[] = [];
const ids = { staff: '', m1: '', m2: '', m3: '', m4: '', northStaff: '' };
const tokens = { px: '', hospitalAdmin: '', northAdmin: '' };

async function startService(): Promise<RunningExplanationService> {
  return startExplanationService(srv.deps, { onLinkIssued: (l) => issued.push(l) });
}

beforeAll(async () => {
  srv = await startTestServer({ services: false });
  w = await setupWorld(srv);
  const now = srv.deps.clock.now();
  await withTx(srv.db.pool, async (tx) => {
    const mk = (username: string, role: 'desk_agent' | 'department_manager' | 'hospital_admin' | 'px_admin', hospitalId: string | null, reportsToId: string | null = null) =>
      createUser(tx, { username, displayName: username, role, hospitalId, password: DESK_PASSWORD, reportsToId, now });
    ids.m4 = (await mk('m4', 'department_manager', w.main.id)).id;
    ids.m3 = (await mk('m3', 'department_manager', w.main.id, ids.m4)).id;
    ids.m2 = (await mk('m2', 'department_manager', w.main.id, ids.m3)).id;
    ids.m1 = (await mk('m1', 'department_manager', w.main.id, ids.m2)).id;
    ids.staff = (await mk('nurse', 'desk_agent', w.main.id, ids.m1)).id;
    ids.northStaff = (await mk('north_nurse', 'desk_agent', w.north.id)).id;
    await mk('px', 'px_admin', null);
    await mk('main_admin', 'hospital_admin', w.main.id);
    await mk('north_admin', 'hospital_admin', w.north.id);
  });
  tokens.px = (await srv.login('px', DESK_PASSWORD)).accessToken;
  tokens.hospitalAdmin = (await srv.login('main_admin', DESK_PASSWORD)).accessToken;
  tokens.northAdmin = (await srv.login('north_admin', DESK_PASSWORD)).accessToken;
  svc = await startService();
});
afterAll(async () => {
  await svc?.stop();
  await srv?.close();
});

async function newComplaint(): Promise<ComplaintView> {
  const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
    token: w.tokens.admin,
    body: { hospitalId: w.main.id, sourceCode: 'PATIENT', title: 'Rude answer at reception', description: 'x', complainant: { name: 'Sara' } },
  });
  expect(res.status).toBe(201);
  return res.body;
}

type Created = { id: string; link: string; dueAt: string };

async function ask(complaint: string, staffId: string, token = tokens.px, message?: string) {
  return srv.call<Created>('POST', `/api/v1/complaints/${complaint}/explanations`, { token, body: { staffId, ...(message ? { message } : {}) } });
}

async function timeline(id: string): Promise<EventView[]> {
  const res = await srv.call<{ events: EventView[] }>('GET', `/api/v1/complaints/${id}`, { token: w.tokens.admin });
  return res.body.events;
}

function pathOf(link: string): string {
  return new URL(link).pathname;
}

async function answer(path: string, text: string): Promise<Response> {
  return fetch(`${srv.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ answer: text }) });
}

async function advanceTo(t: number): Promise<void> {
  srv.clock?.set(t);
  await svc.settled();
}

describe('explanation requests', () => {
  it('the staff member answers once through the link; the answer lands on the internal timeline', async () => {
    const c = await newComplaint();
    const res = await ask(c.referenceNumber, ids.staff, tokens.px, 'Please tell us what happened');
    expect(res.status).toBe(201);
    expect(res.body.link).toMatch(/\/explanations\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(res.body.dueAt) - srv.deps.clock.now()).toBe(48 * HOUR);

    const page = await fetch(`${srv.url}${pathOf(res.body.link)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('lang="ar"');
    expect(html).toContain(c.referenceNumber);
    expect(html).toContain('Rude answer at reception');
    expect(html).not.toContain('Sara');
    expect(await (await fetch(`${srv.url}${pathOf(res.body.link)}?lang=en`)).text()).toContain('Send explanation');

    expect((await answer(pathOf(res.body.link), '   ')).status).toBe(422);
    const ok = await answer(pathOf(res.body.link), 'The queue system was down <b>that day</b>.');
    expect(ok.status).toBe(200);

    const events = await timeline(c.id);
    const requested = events.filter((e) => e.type === 'explanation_requested');
    expect(requested).toHaveLength(1);
    expect(requested[0]?.visibility).toBe('internal');
    expect(requested[0]?.comment).toBe('Please tell us what happened');
    const received = events.filter((e) => e.type === 'explanation_received');
    expect(received).toHaveLength(1);
    expect(received[0]?.visibility).toBe('internal');
    expect(received[0]?.data.text).toBe('The queue system was down <b>that day</b>.');
    expect(received[0]?.actor?.id).toBe(ids.staff);

    const again = await answer(pathOf(res.body.link), 'A second answer');
    expect(again.status).toBe(410);
    const used = await fetch(`${srv.url}${pathOf(res.body.link)}`);
    expect(used.status).toBe(410);
    // The same bytes as for a token that never existed: the page says nothing about the complaint.
    expect(await used.text()).toBe(await (await fetch(`${srv.url}/explanations/${'Z'.repeat(43)}`)).text());
    expect((await timeline(c.id)).filter((e) => e.type === 'explanation_received')).toHaveLength(1);

    // Answered: nothing is reminded or escalated later.
    await advanceTo(srv.deps.clock.now() + 100 * HOUR);
    const later = await timeline(c.id);
    expect(later.filter((e) => e.type === 'sla_reminder' || e.type === 'explanation_requested')).toHaveLength(1);
  });

  it('a bad, used or expired token gets the same page, which reveals nothing', async () => {
    const bad = await fetch(`${srv.url}/explanations/${'A'.repeat(43)}`);
    const junk = await fetch(`${srv.url}/explanations/not-a-token`);
    const badHtml = await bad.text();
    expect(bad.status).toBe(410);
    expect(junk.status).toBe(410);
    expect(await junk.text()).toBe(badHtml);
    expect(badHtml).not.toMatch(/CMP-\d{4}/);
    expect(bad.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await answer('/explanations/' + 'B'.repeat(43), 'hello')).status).toBe(410);
  });

  it('refuses roles other than px_admin, admin and hospital_admin, and other hospitals', async () => {
    const c = await newComplaint();
    expect((await ask(c.id, ids.staff, w.tokens.mainDesk)).status).toBe(403);
    expect((await ask(c.id, ids.staff, tokens.northAdmin)).status).toBe(404);
    expect((await ask(c.id, ids.northStaff, tokens.px)).status).toBe(422);
    expect((await ask(c.id, 'no-such-user', tokens.px)).status).toBe(422);
    expect((await ask(c.id, ids.staff, tokens.hospitalAdmin)).status).toBe(201);
    expect((await ask(c.id, ids.staff, w.tokens.admin)).status).toBe(201);
    const res = await srv.call('POST', `/api/v1/complaints/${c.id}/explanations`, { body: { staffId: ids.staff } });
    expect(res.status).toBe(401);
  });

  it('reminds at 36 h, escalates up the managers at each expiry, stops at level 3, exactly once across restarts', async () => {
    const c = await newComplaint();
    const t0 = srv.deps.clock.now();
    const res = await ask(c.id, ids.staff);
    expect(res.status).toBe(201);
    const firstLink = pathOf(res.body.link);

    await advanceTo(t0 + 36 * HOUR - 1);
    expect((await timeline(c.id)).filter((e) => e.type === 'sla_reminder')).toHaveLength(0);
    await advanceTo(t0 + 36 * HOUR);
    const reminders = (await timeline(c.id)).filter((e) => e.type === 'sla_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.data.staffId).toBe(ids.staff);

    await advanceTo(t0 + 48 * HOUR);
    let escalations = (await timeline(c.id)).filter((e) => e.type === 'explanation_requested' && e.data.escalatedFrom !== undefined);
    expect(escalations.map((e) => [e.data.staffId, e.data.level])).toEqual([[ids.m1, 1]]);
    expect(escalations[0]?.data.escalatedFrom).toBe(res.body.id);
    // The staff member's link died with the escalation; the manager's works.
    expect((await answer(firstLink, 'too late')).status).toBe(410);
    const m1Link = issued.find((l) => l.staffId === ids.m1 && l.complaintId === c.id);
    expect(m1Link).toBeDefined();
    expect((await fetch(`${srv.url}/explanations/${m1Link?.token ?? ''}`)).status).toBe(200);

    // Down over the next expiry; two instances come back at once.
    await svc.stop();
    srv.clock?.set(t0 + 96 * HOUR);
    const a = await startService();
    const b = await startService();
    await Promise.all([a.settled(), b.settled()]);
    await b.stop();
    svc = a;
    await svc.stop();
    svc = await startService();
    await svc.settled();

    await advanceTo(t0 + 144 * HOUR);
    await advanceTo(t0 + 192 * HOUR);
    await advanceTo(t0 + 400 * HOUR);
    const events = await timeline(c.id);
    escalations = events.filter((e) => e.type === 'explanation_requested' && e.data.escalatedFrom !== undefined);
    expect(escalations.map((e) => [e.data.staffId, e.data.level])).toEqual([
      [ids.m1, 1],
      [ids.m2, 2],
      [ids.m3, 3],
    ]);
    // One reminder per level, never twice.
    expect(events.filter((e) => e.type === 'sla_reminder').map((e) => e.data.level)).toEqual([0, 1, 2, 3]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    const { rows } = await srv.db.pool.query<{ level: number; status: string; staff_id: string }>(
      'SELECT level, status, staff_id FROM explanation_requests WHERE complaint_id = $1 ORDER BY level',
      [c.id],
    );
    expect(rows.map((r) => [r.level, r.status, r.staff_id])).toEqual([
      [0, 'escalated', ids.staff],
      [1, 'escalated', ids.m1],
      [2, 'escalated', ids.m2],
      [3, 'expired', ids.m3],
    ]);
  });
});
