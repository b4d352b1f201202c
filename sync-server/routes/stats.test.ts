import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffDoc } from '../../shared/documents.ts';
import type { GroupStats } from '../../shared/stats/group.ts';
import { createUser } from '../bootstrap.ts';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import { withTx } from '../db/pool.ts';
import { writeReplicated } from '../db/replicated.ts';
import { withTxRetry } from '../complaints/tx.ts';
import { recordSurveyResponse } from '../sla/thresholds/survey.ts';
import { GroupStatsCache } from '../stats/group.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
const GROUP_PASSWORD = 'group-px-password-1';

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  const create = async (hospitalId: string, sourceCode: string) =>
    (
      await srv.call<{ id: string }>('POST', '/api/v1/complaints', {
        token: w.tokens.admin,
        body: { hospitalId, sourceCode, title: 'Statistics fixture', description: 'A complaint in a known state.', complainant: { name: 'Noura Al-Harbi' } },
      })
    ).body.id;
  const call = async (method: string, path: string, body: object) => {
    const res = await srv.call(method, path, { token: w.tokens.admin, body });
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const move = (id: string, to: string, extra: object = {}) => call('POST', `/api/v1/complaints/${id}/transitions`, { to, ...extra });
  const resolve = async (id: string, assigneeId: string) => {
    await call('PATCH', `/api/v1/complaints/${id}`, { assigneeId });
    for (const to of ['ASSIGNED', 'IN_PROGRESS']) await move(id, to).catch(() => undefined);
    await move(id, 'RESOLVED', { resolution: 'Sorted out.' });
  };
  // MAIN: one waiting, one resolved by its desk agent, one cancelled.
  await create(w.main.id, 'PATIENT');
  await resolve(await create(w.main.id, 'MOH'), w.users.mainDesk);
  await move(await create(w.main.id, 'CCHI'), 'CANCELLED', { comment: 'Duplicate' });
  // NORTH: one waiting, one closed and rated 4.
  await create(w.north.id, 'PATIENT');
  const rated = await create(w.north.id, 'FAMILY');
  await resolve(rated, w.users.northDesk);
  await move(rated, 'CLOSED');
  await withTxRetry(srv.db.pool, (tx) => recordSurveyResponse(tx, { complaintId: rated, score: 4, comment: null, now: srv.deps.clock.now() }));
  await withTx(srv.db.pool, (tx) =>
    createUser(tx, { username: 'group.px', displayName: 'Group PX', role: 'px_admin', hospitalId: null, password: GROUP_PASSWORD, now: srv.deps.clock.now() }),
  );
});
afterAll(async () => {
  await srv?.close();
});

const groupStats = (token: string, query = 'utcOffsetMinutes=180') => srv.call<GroupStats>('GET', `/api/v1/stats/group?${query}`, { token });

describe('GET /api/v1/stats/group', () => {
  it('counts every hospital of the group, with rows that add up to the totals', async () => {
    const res = await groupStats(w.tokens.admin);
    expect(res.status).toBe(200);
    const d = res.body.dashboard;
    expect(d.total).toBe(5);
    const status = Object.fromEntries(d.byStatus.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
    expect(status).toEqual({ PENDING: 2, RESOLVED: 1, CLOSED: 1, CANCELLED: 1 });
    expect(d.byHospital.map((r) => [r.key, r.total, r.open, r.met])).toEqual([
      [w.main.id, 3, 1, 1],
      [w.north.id, 2, 1, 1],
    ]);
    for (const k of ['total', 'met', 'breached', 'pending', 'excluded'] as const) {
      expect(d.byHospital.reduce((n, r) => n + r[k], 0), k).toBe(k === 'total' ? d.total : d.sla[k]);
    }
    expect(d.byHospital.map((r) => r.compliance)).toEqual([1, 1]);
    expect(d.survey).toMatchObject({ responses: 1, average: 4 });
    expect(d.agents.map((a) => [a.agentId, a.resolved]).sort()).toEqual([[w.users.mainDesk, 1], [w.users.northDesk, 1]].sort());
    // The names a desk of one hospital cannot know.
    expect(res.body.hospitals.map((h) => h.code)).toEqual(['MAIN', 'NORTH']);
    expect(res.body.departments).toContainEqual({ id: w.northDepartmentId, hospitalId: w.north.id, code: 'ER', nameEn: 'Emergency', nameAr: 'الطوارئ' });
    expect(res.body.staff.map((s) => s.displayName).sort()).toEqual(['Main Desk', 'North Desk']);
    expect(res.body).toMatchObject({ computedAt: srv.deps.clock.now(), utcOffsetMinutes: 180 });
  });

  it('computes the figures as of the desk’s time', async () => {
    const now = srv.deps.clock.now() + 10 * 86_400_000;
    const res = await groupStats(w.tokens.admin, `now=${now}&utcOffsetMinutes=0`);
    expect(res.body.computedAt).toBe(now);
    // Ten days on, the two waiting complaints are past their due times.
    expect(res.body.dashboard.sla).toMatchObject({ breached: 2, pending: 0 });
  });

  it('refuses a hospital-level user with 403', async () => {
    const res = await groupStats(w.tokens.mainDesk);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden', reason: 'group_level_only' });
  });

  it('refuses a group-level user moved to a hospital in the directory, though their token still says group', async () => {
    const { accessToken, user } = await srv.login('group.px', GROUP_PASSWORD);
    expect(user.hospitalId).toBeNull();
    expect((await groupStats(accessToken)).status).toBe(200);
    await withTx(srv.db.pool, async (tx) => {
      const { rows } = await tx.query<{ doc: StaffDoc }>('SELECT doc FROM users WHERE id = $1', [user.id]);
      const doc = { ...rows[0]!.doc, hospitalId: w.main.id };
      await writeReplicated(tx, { collection: 'staff', id: user.id, hospitalId: w.main.id, doc, columns: { username: doc.username, role: doc.role, active: doc.active } });
    });
    const res = await groupStats(accessToken);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden', reason: 'group_level_only' });
  });

  it('answers a bad query with 422', async () => {
    expect((await groupStats(w.tokens.admin, 'utcOffsetMinutes=5000')).status).toBe(422);
    expect((await groupStats(w.tokens.admin, 'now=yesterday')).status).toBe(422);
  });
});

describe('GroupStatsCache', () => {
  it('serves an answer again for its time to live, then reads anew', async () => {
    let wall = 0;
    const now = srv.deps.clock.now();
    const cache = new GroupStatsCache({ pool: srv.db.pool, now: () => now, ttlMs: 30_000, monotonic: () => wall });
    const first = await cache.get({ utcOffsetMinutes: 0 });
    await srv.call('POST', '/api/v1/complaints', {
      token: w.tokens.admin,
      body: { hospitalId: w.north.id, sourceCode: 'MOH', title: 'Came in later', description: 'Counted once the answer is old.', complainant: { name: 'Sara' } },
    });
    wall = 29_000;
    expect((await cache.get({ utcOffsetMinutes: 0 })).dashboard.total).toBe(first.dashboard.total);
    // Another offset is another answer.
    expect((await cache.get({ utcOffsetMinutes: 60 })).dashboard.total).toBe(first.dashboard.total + 1);
    wall = 31_000;
    expect((await cache.get({ utcOffsetMinutes: 0 })).dashboard.total).toBe(first.dashboard.total + 1);
  });
});
