import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../bootstrap.ts';
import { withTx } from '../db/pool.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';

const START = '2026-03-01T06:00:00.000Z';

describe('manual clock (CLOCK=manual)', () => {
  let srv: TestServer;
  let admin: string;
  beforeAll(async () => {
    srv = await startTestServer({ env: { CLOCK_START: START } });
    admin = (await srv.login('admin', TEST_ADMIN_PASSWORD)).accessToken;
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('reads, advances and sets the time for an admin, telling the listeners', async () => {
    expect((await srv.call('GET', '/api/v1/clock', { token: admin })).body).toEqual({ now: START });
    const seen: number[] = [];
    const off = srv.clock?.onChange((now) => seen.push(now));
    const advanced = await srv.call('POST', '/api/v1/clock', { token: admin, body: { advanceMinutes: 90 } });
    expect(advanced.status).toBe(200);
    expect(advanced.body).toEqual({ now: '2026-03-01T07:30:00.000Z' });
    const set = await srv.call('POST', '/api/v1/clock', { token: admin, body: { set: '2026-03-04T00:00:00+03:00' } });
    expect(set.body).toEqual({ now: '2026-03-03T21:00:00.000Z' });
    off?.();
    expect(seen).toEqual([Date.parse('2026-03-01T07:30:00Z'), Date.parse('2026-03-03T21:00:00Z')]);
    expect(srv.deps.clock.now()).toBe(Date.parse('2026-03-03T21:00:00Z'));
  });

  it('refuses to go back and bad bodies with field errors (422)', async () => {
    const back = await srv.call('POST', '/api/v1/clock', { token: admin, body: { set: '2020-01-01T00:00:00Z' } });
    expect(back.status).toBe(422);
    expect(back.body).toMatchObject({ error: 'validation_failed', fields: { set: expect.any(String) } });
    const bad = await srv.call('POST', '/api/v1/clock', { token: admin, body: { advanceMinutes: 'soon' } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ fields: { advanceMinutes: expect.any(String) } });
    const badDate = await srv.call('POST', '/api/v1/clock', { token: admin, body: { set: 'tomorrow' } });
    expect(badDate.body).toMatchObject({ fields: { set: expect.any(String) } });
  });

  it('is 403 for anyone but an admin, 401 without a token', async () => {
    await withTx(srv.deps.pool, (tx) =>
      createUser(tx, { username: 'px', displayName: 'PX', role: 'px_admin', hospitalId: null, password: 'px-password-1', now: srv.deps.clock.now() }),
    );
    const px = (await srv.login('px', 'px-password-1')).accessToken;
    expect((await srv.call('GET', '/api/v1/clock', { token: px })).status).toBe(403);
    expect((await srv.call('POST', '/api/v1/clock', { token: px, body: { advanceMinutes: 5 } })).status).toBe(403);
    expect((await srv.call('GET', '/api/v1/clock')).status).toBe(401);
  });
});

describe('system clock (CLOCK=system)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ env: { CLOCK: 'system' } });
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('has no clock endpoints, even for an admin (404)', async () => {
    const admin = (await srv.login('admin', TEST_ADMIN_PASSWORD)).accessToken;
    expect((await srv.call('GET', '/api/v1/clock', { token: admin })).status).toBe(404);
    expect((await srv.call('POST', '/api/v1/clock', { token: admin, body: { advanceMinutes: 5 } })).status).toBe(404);
  });
});
