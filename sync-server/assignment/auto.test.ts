import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { deskComplaint, lease, pullAll, pushNew, setupWorld, type World } from '../complaints/fixtures.ts';
import { withTx } from '../db/pool.ts';
import { createDepartment, createUser } from '../directory.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
let cardiology: string;
let empty: string;
const agents: string[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  const now = srv.deps.clock.now();
  await withTx(srv.db.pool, async (tx) => {
    cardiology = (await createDepartment(tx, { hospitalId: w.main.id, code: 'CARD', nameEn: 'Cardiology', nameAr: 'القلب', now })).id;
    empty = (await createDepartment(tx, { hospitalId: w.main.id, code: 'EMPTY', nameEn: 'Nobody', nameAr: 'لا أحد', now })).id;
    for (const name of ['agent_a', 'agent_b', 'agent_c']) {
      const u = await createUser(tx, { username: name, displayName: name, role: 'desk_agent', hospitalId: w.main.id, departmentId: cardiology, password: null, now });
      agents.push(u.id);
    }
    // Not eligible: inactive, a manager, another department.
    await createUser(tx, { username: 'gone', displayName: 'Gone', role: 'desk_agent', hospitalId: w.main.id, departmentId: cardiology, active: false, password: null, now });
    await createUser(tx, { username: 'boss', displayName: 'Boss', role: 'department_manager', hospitalId: w.main.id, departmentId: cardiology, password: null, now });
    await createUser(tx, { username: 'elsewhere', displayName: 'Elsewhere', role: 'desk_agent', hospitalId: w.main.id, departmentId: empty, active: false, password: null, now });
  });
});
afterAll(async () => {
  await srv?.close();
});

function create(over: Record<string, unknown> = {}) {
  return srv.call<ComplaintDoc>('POST', '/api/v1/complaints', {
    token: w.tokens.admin,
    body: {
      hospitalId: w.main.id, sourceCode: 'MOH', title: 'Chest pain clinic wait', description: 'Waited six hours.',
      departmentId: cardiology, complainant: { name: 'Huda' }, ...over,
    },
  });
}

async function setAuto(autoAssign: boolean) {
  const res = await srv.call('PUT', '/api/v1/admin/assignment', { token: w.tokens.admin, body: { hospitalId: w.main.id, autoAssign } });
  expect(res.status).toBe(200);
}

async function openLoads(): Promise<number[]> {
  const { rows } = await srv.db.pool.query<{ assignee_id: string; n: number }>(
    `SELECT assignee_id, count(*)::int AS n FROM complaints WHERE assignee_id = ANY($1::text[]) AND status NOT IN ('RESOLVED','CLOSED','CANCELLED') GROUP BY assignee_id`,
    [agents],
  );
  const by = new Map(rows.map((r) => [r.assignee_id, r.n]));
  return agents.map((a) => by.get(a) ?? 0);
}

describe('automatic assignment', () => {
  it('is off by default: a new complaint stays unassigned', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.body.assigneeId).toBeNull();
    expect((await srv.call<{ autoAssign: boolean }>('GET', `/api/v1/admin/assignment?hospitalId=${w.main.id}`, { token: w.tokens.admin })).body).toEqual({ autoAssign: false });
  });

  it('balances 30 complaints created at once over the 3 eligible agents (within one), each with an automatic assigned event', async () => {
    await setAuto(true);
    const created: ComplaintDoc[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const results = await Promise.all(Array.from({ length: 10 }, () => create()));
      for (const r of results) {
        expect(r.status).toBe(201);
        created.push(r.body);
      }
    }
    expect(created.every((c) => c.assigneeId !== null && agents.includes(c.assigneeId))).toBe(true);
    const loads = await openLoads();
    expect(loads.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    const events = await pullAll<TimelineEventDoc>(srv, w.tokens.mainDesk, 'events', w.main.id, 0, 2000);
    const assigned = events.documents.filter((e) => e.type === 'assigned');
    expect(assigned).toHaveLength(30);
    expect(assigned.every((e) => e.data.auto === true && e.actorId === null && e.to !== null)).toBe(true);
  });

  it('gives the least-loaded agent the next one after others resolve theirs', async () => {
    // Agent a's complaints are done: a has the least open load and gets the next ones.
    await srv.db.pool.query(`UPDATE complaints SET status = 'RESOLVED' WHERE assignee_id = $1`, [agents[0]]);
    const next = await create();
    expect(next.body.assigneeId).toBe(agents[0]);
  });

  it('prefers the specialists of the complaint category', async () => {
    const cat = await srv.call('POST', '/api/v1/admin/categories', {
      token: w.tokens.admin,
      body: { hospitalId: w.main.id, code: 'BILLING', nameEn: 'Billing', nameAr: 'الفواتير', specialistIds: [agents[2]] },
    });
    expect(cat.status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await create({ category: 'BILLING' })).body.assigneeId).toBe(agents[2]);
  });

  it('leaves a complaint unassigned when its department has nobody eligible, or it has no department', async () => {
    expect((await create({ departmentId: empty })).body.assigneeId).toBeNull();
    // undefined: left out of the JSON body.
    expect((await create({ departmentId: undefined })).body.assigneeId).toBeNull();
  });

  it('assigns a new unassigned complaint a desk pushes, and keeps an assignee the desk chose', async () => {
    const block = await lease(srv, w.tokens.mainDesk, w.main.id);
    const now = srv.deps.clock.now();
    const fresh = await pushNew(srv, w.tokens.mainDesk, deskComplaint(w.main.id, block, 0, w.users.mainDesk, now, { departmentId: cardiology }));
    expect(agents).toContain(fresh.assigneeId);
    const chosen = await pushNew(srv, w.tokens.mainDesk, deskComplaint(w.main.id, block, 1, w.users.mainDesk, now, { departmentId: cardiology, assigneeId: w.users.mainDesk }));
    expect(chosen.assigneeId).toBe(w.users.mainDesk);
    const { rows } = await srv.db.pool.query(`SELECT 1 FROM events WHERE complaint_id = $1 AND type = 'assigned'`, [fresh.id]);
    expect(rows).toHaveLength(1);
  });

  it('stops when turned off again, and records each change of the setting', async () => {
    await setAuto(false);
    expect((await create()).body.assigneeId).toBeNull();
    const { rows } = await srv.db.pool.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM admin_changes WHERE collection = 'assignmentSettings' ORDER BY id`,
    );
    expect(rows).toEqual([
      { before: { autoAssign: false }, after: { autoAssign: true } },
      { before: { autoAssign: true }, after: { autoAssign: false } },
    ]);
  });
});
