import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThresholdDoc } from '../../shared/documents.ts';
import { withTx } from '../db/pool.ts';
import { createHospital, createUser } from '../directory.ts';
import { PASSWORD, startSlaWorld, stopSlaWorld, type SlaWorld } from '../sla/testing.ts';

/** The thresholds administration API: who may use it, field errors, and the changes recorded. */
let w: SlaWorld;
let northId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  w = await startSlaWorld();
  const now = w.srv.deps.clock.now();
  northId = await withTx(w.srv.db.pool, async (tx) => {
    const north = await createHospital(tx, { code: 'NORTH', nameEn: 'North', nameAr: 'الشمال', now });
    await createUser(tx, { username: 'north_admin', displayName: 'North Admin', role: 'hospital_admin', hospitalId: north.id, password: PASSWORD, now });
    return north.id;
  });
  for (const [name, username] of [['desk', 'sla_desk'], ['manager', 'sla_manager'], ['hadmin', 'sla_hadmin'], ['px', 'sla_px'], ['northAdmin', 'north_admin']] as const) {
    tokens[name] = (await w.srv.login(username, PASSWORD)).accessToken;
  }
  tokens.admin = w.admin;
});
afterAll(async () => {
  await stopSlaWorld(w);
});

const token = (who: string) => tokens[who] ?? '';
const call = <T = unknown>(method: string, url: string, who: string, body?: unknown) =>
  w.srv.call<T>(method, url, body === undefined ? { token: token(who) } : { token: token(who), body });
const body = (over: Record<string, unknown> = {}) => ({
  hospitalId: w.main.id, metric: 'survey_score', operator: 'lt', value: 3, action: 'follow_up', ...over,
});

describe('survey thresholds administration API', () => {
  it('is for admins, PX admins and hospital admins of their own hospital; a desk agent gets 403', async () => {
    const list = (who: string, hospitalId = w.main.id) => call('GET', `/api/v1/sla/thresholds?hospitalId=${hospitalId}`, who);
    expect((await list('desk')).status).toBe(403);
    expect((await call('POST', '/api/v1/sla/thresholds', 'desk', body())).status).toBe(403);
    expect((await list('manager')).status).toBe(403);
    expect((await list('northAdmin')).status).toBe(403);
    expect((await call('POST', '/api/v1/sla/thresholds', 'northAdmin', body())).status).toBe(403);

    const made = await call<ThresholdDoc>('POST', '/api/v1/sla/thresholds', 'hadmin', body());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ ...body(), notifyRole: null, notifyUserId: null, active: true });
    expect((await call('PATCH', `/api/v1/sla/thresholds/${made.body.id}`, 'desk', { value: 2 })).status).toBe(403);
    expect((await call('DELETE', `/api/v1/sla/thresholds/${made.body.id}`, 'desk')).status).toBe(403);
    // Another hospital's admin does not even learn that it exists.
    expect((await call('PATCH', `/api/v1/sla/thresholds/${made.body.id}`, 'northAdmin', { value: 2 })).status).toBe(404);
    for (const who of ['admin', 'px', 'hadmin']) {
      const res = await list(who);
      expect(res.status).toBe(200);
      expect((res.body as { data: ThresholdDoc[] }).data.map((t) => t.id)).toContain(made.body.id);
    }
    expect(((await list('northAdmin', northId)).body as { data: ThresholdDoc[] }).data).toEqual([]);
  });

  it('answers 422 with field errors for bad input', async () => {
    const fields = async (b: unknown, method = 'POST', url = '/api/v1/sla/thresholds') => {
      const res = await call<{ error: string; fields: Record<string, string> }>(method, url, 'admin', b);
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('validation_failed');
      return res.body.fields;
    };
    expect(Object.keys(await fields(body({ operator: 'ne', action: 'reopen' }))).sort()).toEqual(['action', 'operator']);
    expect(Object.keys(await fields(body({ value: 'low' })))).toEqual(['value']);
    expect(Object.keys(await fields(body({ metric: 'nps' })))).toEqual(['metric']);
    expect(Object.keys(await fields(body({ surprise: true })))).toEqual(['_']);
    expect(await fields(body({ value: 6 }))).toEqual({ value: 'out_of_range' });
    expect(await fields(body({ action: 'notify' }))).toEqual({ notifyRole: 'required' });
    expect(await fields(body({ action: 'notify', notifyRole: 'named_user' }))).toEqual({ notifyUserId: 'required' });
    expect(await fields(body({ action: 'notify', notifyRole: 'named_user', notifyUserId: 'nobody' }))).toEqual({ notifyUserId: 'unknown' });
    expect(await fields(body({ hospitalId: 'no-such-hospital' }))).toEqual({ hospitalId: 'unknown' });
    const made = await call<ThresholdDoc>('POST', '/api/v1/sla/thresholds', 'admin', body({ action: 'notify', notifyRole: 'named_user', notifyUserId: w.staff.ceo }));
    expect(made.status).toBe(201);
    expect(await fields({ hospitalId: northId }, 'PATCH', `/api/v1/sla/thresholds/${made.body.id}`)).toEqual({ hospitalId: 'immutable' });
    expect(await fields({ value: 0 }, 'PATCH', `/api/v1/sla/thresholds/${made.body.id}`)).toEqual({ value: 'out_of_range' });
  });

  it('changes and deletes a threshold, recording each change', async () => {
    const made = await call<ThresholdDoc>('POST', '/api/v1/sla/thresholds', 'px', body({ operator: 'lte', value: 2, action: 'escalate' }));
    const patched = await call<ThresholdDoc>('PATCH', `/api/v1/sla/thresholds/${made.body.id}`, 'px', { active: false, value: 1 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: made.body.id, operator: 'lte', value: 1, action: 'escalate', active: false });
    expect((await call('DELETE', `/api/v1/sla/thresholds/${made.body.id}`, 'px')).status).toBe(204);
    expect((await call('DELETE', `/api/v1/sla/thresholds/${made.body.id}`, 'px')).status).toBe(404);
    const list = await call<{ data: ThresholdDoc[] }>('GET', `/api/v1/sla/thresholds?hospitalId=${w.main.id}`, 'px');
    expect(list.body.data.map((t) => t.id)).not.toContain(made.body.id);
    const { rows } = await w.srv.db.pool.query<{ action: string }>(
      `SELECT action FROM sla_changes WHERE collection = 'thresholds' AND doc_id = $1 ORDER BY id`,
      [made.body.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    // The other SLA resources are still where they were.
    expect((await call('GET', `/api/v1/sla/configs?hospitalId=${w.main.id}`, 'px')).status).toBe(200);
  });
});
