import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HospitalSummary } from '../../shared/api.ts';
import { allowedHospitalIds, canSeeHospital } from '../auth/access.ts';
import { createHospital, createUser } from '../bootstrap.ts';
import { withTx } from '../db/pool.ts';
import { writeReplicated } from '../db/replicated.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';

let srv: TestServer;
let mainId: string;
let northId: string;

beforeAll(async () => {
  srv = await startTestServer();
  const now = srv.deps.clock.now();
  const main = await srv.deps.pool.query<{ id: string }>(`SELECT id FROM hospitals WHERE doc->>'code' = 'MAIN'`);
  mainId = main.rows[0]?.id ?? '';
  await withTx(srv.deps.pool, async (tx) => {
    const north = await createHospital(tx, { code: 'NORTH', nameEn: 'North Hospital', nameAr: 'مستشفى الشمال', now });
    northId = north.id;
    const closed = await createHospital(tx, { code: 'OLD', nameEn: 'Closed Hospital', nameAr: 'مستشفى مغلق', now });
    await writeReplicated(tx, { collection: 'hospitals', id: closed.id, hospitalId: closed.id, doc: closed, deleted: true });
    await createUser(tx, { username: 'desk.main', displayName: 'Desk Main', role: 'desk_agent', hospitalId: mainId, password: 'desk-main-pass', now });
    await createUser(tx, { username: 'desk.north', displayName: 'Desk North', role: 'hospital_admin', hospitalId: northId, password: 'desk-north-pass', now });
    await createUser(tx, { username: 'ceo', displayName: 'CEO', role: 'ceo', hospitalId: null, password: 'ceo-password-1', now });
  });
});
afterAll(async () => {
  await srv?.close();
});

async function hospitalsOf(username: string, password: string): Promise<HospitalSummary[]> {
  const { accessToken } = await srv.login(username, password);
  const res = await srv.call<HospitalSummary[]>('GET', '/api/v1/hospitals', { token: accessToken });
  expect(res.status).toBe(200);
  return res.body;
}

describe('GET /api/v1/hospitals', () => {
  it('shows a hospital user only their hospital', async () => {
    expect(await hospitalsOf('desk.main', 'desk-main-pass')).toEqual([
      { id: mainId, code: 'MAIN', nameEn: 'Main Hospital', nameAr: 'المستشفى الرئيسي' },
    ]);
    expect((await hospitalsOf('desk.north', 'desk-north-pass')).map((h) => h.code)).toEqual(['NORTH']);
  });

  it('shows group-level users every hospital that is not deleted, by code', async () => {
    expect((await hospitalsOf('admin', TEST_ADMIN_PASSWORD)).map((h) => h.code)).toEqual(['MAIN', 'NORTH']);
    const ceo = await hospitalsOf('ceo', 'ceo-password-1');
    expect(ceo.map((h) => h.code)).toEqual(['MAIN', 'NORTH']);
    expect(Object.keys(ceo[0] ?? {}).sort()).toEqual(['code', 'id', 'nameAr', 'nameEn']);
  });

  it('agrees with the access helpers', async () => {
    expect(await allowedHospitalIds(srv.deps.pool, { hospitalId: null })).toEqual([mainId, northId]);
    expect(await allowedHospitalIds(srv.deps.pool, { hospitalId: northId })).toEqual([northId]);
    expect(canSeeHospital({ hospitalId: mainId }, northId)).toBe(false);
    expect(canSeeHospital({ hospitalId: mainId }, mainId)).toBe(true);
    expect(canSeeHospital({ hospitalId: null }, northId)).toBe(true);
  });
});
