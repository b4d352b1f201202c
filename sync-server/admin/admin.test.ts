import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryDoc } from '../../shared/admin-documents.ts';
import type { DepartmentDoc, HospitalDoc, SourceDoc, StaffDoc } from '../../shared/documents.ts';
import { DESK_PASSWORD, pullAll, setupWorld, type World } from '../complaints/fixtures.ts';
import { withTx } from '../db/pool.ts';
import { createUser } from '../directory.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
const tokens: Record<'hadmin' | 'northAdmin' | 'groupPx', string> = { hadmin: '', northAdmin: '', groupPx: '' };

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  const now = srv.deps.clock.now();
  await withTx(srv.db.pool, async (tx) => {
    await createUser(tx, { username: 'main_hadmin', displayName: 'Main Admin', role: 'hospital_admin', hospitalId: w.main.id, password: DESK_PASSWORD, now });
    await createUser(tx, { username: 'north_hadmin', displayName: 'North Admin', role: 'hospital_admin', hospitalId: w.north.id, password: DESK_PASSWORD, now });
    await createUser(tx, { username: 'group_px', displayName: 'Group PX', role: 'px_admin', hospitalId: null, password: DESK_PASSWORD, now });
  });
  tokens.hadmin = (await srv.login('main_hadmin', DESK_PASSWORD)).accessToken;
  tokens.northAdmin = (await srv.login('north_hadmin', DESK_PASSWORD)).accessToken;
  tokens.groupPx = (await srv.login('group_px', DESK_PASSWORD)).accessToken;
});
afterAll(async () => {
  await srv?.close();
});

type Fields = { error: string; fields: Record<string, string> };
const call = <T = unknown>(method: string, url: string, token: string, body?: unknown) =>
  srv.call<T>(method, url, body === undefined ? { token } : { token, body });

async function changesOf(docId: string) {
  const { rows } = await srv.db.pool.query<{ actor_id: string; action: string; before: unknown; after: unknown; at: string }>(
    'SELECT actor_id, action, before, after, at FROM admin_changes WHERE doc_id = $1 ORDER BY id',
    [docId],
  );
  return rows;
}

describe('administration API: access', () => {
  it('refuses a desk agent every change, even a well-formed one (403), and writes nothing', async () => {
    const forged = { hospitalId: w.main.id, code: 'FORGED', nameEn: 'Forged', nameAr: 'مزور' };
    for (const path of ['departments', 'categories']) {
      expect((await call('POST', `/api/v1/admin/${path}`, w.tokens.mainDesk, forged)).status).toBe(403);
    }
    const staff = { hospitalId: w.main.id, username: 'sneaky', displayName: 'Sneaky', role: 'admin' };
    expect((await call('POST', '/api/v1/admin/staff', w.tokens.mainDesk, staff)).status).toBe(403);
    expect((await call('PATCH', `/api/v1/admin/staff/${w.users.mainDesk}`, w.tokens.mainDesk, { role: 'admin' })).status).toBe(403);
    expect((await call('POST', `/api/v1/admin/staff/${w.users.admin}/password`, w.tokens.mainDesk, { password: 'taken-over-1' })).status).toBe(403);
    expect((await call('PUT', '/api/v1/admin/assignment', w.tokens.mainDesk, { hospitalId: w.main.id, autoAssign: true })).status).toBe(403);
    const { rows } = await srv.db.pool.query(`SELECT 1 FROM departments WHERE doc->>'code' = 'FORGED'`);
    expect(rows).toHaveLength(0);
    expect((await srv.db.pool.query('SELECT 1 FROM admin_changes')).rows).toHaveLength(0);
  });

  it('keeps hospitals and sources to the group administrator', async () => {
    const hospital = { code: 'EAST', nameEn: 'East', nameAr: 'الشرق' };
    for (const token of [tokens.hadmin, tokens.groupPx, w.tokens.mainDesk]) {
      expect((await call('POST', '/api/v1/admin/hospitals', token, hospital)).status).toBe(403);
      expect((await call('POST', '/api/v1/admin/sources', token, { code: 'X', nameEn: 'X', nameAr: 'س' })).status).toBe(403);
    }
    const made = await call<HospitalDoc>('POST', '/api/v1/admin/hospitals', w.tokens.admin, hospital);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code: 'EAST', active: true });
    const source = await call<SourceDoc>('POST', '/api/v1/admin/sources', w.tokens.admin, { code: 'SAUDI_RC', nameEn: 'Red Crescent', nameAr: 'الهلال الأحمر' });
    expect(source.status).toBe(201);
    const pulled = await pullAll<SourceDoc>(srv, w.tokens.mainDesk, 'sources', w.main.id);
    expect(pulled.documents.map((s) => s.code)).toContain('SAUDI_RC');
  });

  it("lets a hospital admin run their own hospital's departments, not another's", async () => {
    const body = (hospitalId: string) => ({ hospitalId, code: 'CARD', nameEn: 'Cardiology', nameAr: 'القلب' });
    expect((await call('POST', '/api/v1/admin/departments', tokens.hadmin, body(w.north.id))).status).toBe(403);
    const north = await call<DepartmentDoc>('POST', '/api/v1/admin/departments', tokens.northAdmin, body(w.north.id));
    expect(north.status).toBe(201);
    // Another hospital's row is not there for them at all.
    expect((await call('PATCH', `/api/v1/admin/departments/${north.body.id}`, tokens.hadmin, { nameEn: 'Mine' })).status).toBe(404);
  });
});

describe('administration API: changes', () => {
  it('creates a department with a manager, replicates it and records who did what', async () => {
    const res = await call<DepartmentDoc>('POST', '/api/v1/admin/departments', tokens.hadmin, {
      hospitalId: w.main.id, code: 'ONC', nameEn: 'Oncology', nameAr: 'الأورام', managerId: w.users.mainDesk,
    });
    expect(res.status).toBe(201);
    const pulled = await pullAll<DepartmentDoc>(srv, w.tokens.mainDesk, 'departments', w.main.id);
    expect(pulled.documents.find((d) => d.id === res.body.id)).toMatchObject({ code: 'ONC', managerId: w.users.mainDesk });
    const patched = await call<DepartmentDoc>('PATCH', `/api/v1/admin/departments/${res.body.id}`, tokens.hadmin, { nameEn: 'Oncology & Haematology', active: false });
    expect(patched.status).toBe(200);
    const changes = await changesOf(res.body.id);
    expect(changes.map((c) => c.action)).toEqual(['create', 'update']);
    const [created, updated] = changes;
    expect(created).toMatchObject({ before: null, after: { nameEn: 'Oncology' } });
    expect(updated?.actor_id).toBeTruthy();
    expect(updated).toMatchObject({ before: { nameEn: 'Oncology', active: true }, after: { nameEn: 'Oncology & Haematology', active: false } });
  });

  it('answers field errors with 422: unknown references, taken codes, immutable fields', async () => {
    const bad = await call<Fields>('POST', '/api/v1/admin/departments', tokens.hadmin, {
      hospitalId: w.main.id, code: 'X1', nameEn: 'X', nameAr: 'س', managerId: w.users.northDesk,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toEqual({ managerId: 'unknown' });
    const taken = await call<Fields>('POST', '/api/v1/admin/departments', tokens.hadmin, { hospitalId: w.main.id, code: 'ONC', nameEn: 'Again', nameAr: 'مرة' });
    expect(taken.status).toBe(422);
    expect(taken.body.fields).toEqual({ code: 'taken' });
    const empty = await call<Fields>('POST', '/api/v1/admin/departments', tokens.hadmin, { hospitalId: w.main.id, code: '', nameEn: 'X', nameAr: 'س' });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.fields)).toEqual(['code']);
    const moved = await call<Fields>('PATCH', `/api/v1/admin/staff/${w.users.mainDesk}`, tokens.hadmin, { hospitalId: w.north.id });
    expect(moved.status).toBe(422);
    expect(moved.body.fields).toEqual({ hospitalId: 'immutable' });
  });

  it('creates staff with a password who can log in, resets it, and never grants admin to non-admins', async () => {
    const noAdmin = await call<Fields>('POST', '/api/v1/admin/staff', tokens.hadmin, {
      hospitalId: w.main.id, username: 'boss', displayName: 'Boss', role: 'admin', password: 'boss-password-1',
    });
    expect(noAdmin.status).toBe(422);
    expect(noAdmin.body.fields).toEqual({ role: 'not_allowed' });
    const short = await call<Fields>('POST', '/api/v1/admin/staff', tokens.hadmin, {
      hospitalId: w.main.id, username: 'sara', displayName: 'Sara', role: 'desk_agent', password: 'short',
    });
    expect(short.body.fields).toEqual({ password: 'too_small' });
    const made = await call<StaffDoc>('POST', '/api/v1/admin/staff', tokens.hadmin, {
      hospitalId: w.main.id, username: 'sara', displayName: 'Sara', role: 'desk_agent', departmentId: w.mainDepartmentId,
      reportsToId: w.users.mainDesk, password: 'sara-password-1',
    });
    expect(made.status).toBe(201);
    expect(made.body).not.toHaveProperty('password');
    expect((await srv.login('sara', 'sara-password-1')).user.id).toBe(made.body.id);
    const dup = await call<Fields>('POST', '/api/v1/admin/staff', tokens.hadmin, { hospitalId: w.main.id, username: 'SARA', displayName: 'S', role: 'desk_agent' });
    expect(dup.body.fields).toEqual({ username: 'taken' });

    expect((await call('POST', `/api/v1/admin/staff/${made.body.id}/password`, tokens.hadmin, { password: 'new-password-22' })).status).toBe(204);
    await expect(srv.login('sara', 'sara-password-1')).rejects.toThrow();
    expect((await srv.login('sara', 'new-password-22')).user.id).toBe(made.body.id);
    const changes = await changesOf(made.body.id);
    expect(changes.map((c) => c.action)).toEqual(['create', 'password']);
    expect(JSON.stringify(changes)).not.toContain('password-');

    // A role change keeps the password but signs the person out (their tokens carry the old role);
    // a deactivated member cannot log in.
    const session = await srv.login('sara', 'new-password-22');
    expect((await call('PATCH', `/api/v1/admin/staff/${made.body.id}`, tokens.hadmin, { role: 'department_manager' })).status).toBe(200);
    expect((await srv.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    expect((await srv.login('sara', 'new-password-22')).user.role).toBe('department_manager');
    expect((await call('PATCH', `/api/v1/admin/staff/${made.body.id}`, tokens.hadmin, { active: false })).status).toBe(200);
    await expect(srv.login('sara', 'new-password-22')).rejects.toThrow();
  });

  it('keeps categories per hospital with their specialists, replicated to that hospital only', async () => {
    const res = await call<CategoryDoc>('POST', '/api/v1/admin/categories', tokens.hadmin, {
      hospitalId: w.main.id, code: 'BILLING', nameEn: 'Billing', nameAr: 'الفواتير', specialistIds: [w.users.mainDesk],
    });
    expect(res.status).toBe(201);
    const foreign = await call<Fields>('POST', '/api/v1/admin/categories', tokens.hadmin, {
      hospitalId: w.main.id, code: 'OTHER', nameEn: 'Other', nameAr: 'أخرى', specialistIds: [w.users.northDesk],
    });
    expect(foreign.body.fields).toEqual({ specialistIds: 'unknown' });
    expect((await pullAll<CategoryDoc>(srv, w.tokens.mainDesk, 'categories', w.main.id)).documents.map((c) => c.code)).toEqual(['BILLING']);
    expect((await pullAll<CategoryDoc>(srv, w.tokens.northDesk, 'categories', w.north.id)).documents).toEqual([]);
  });
});
