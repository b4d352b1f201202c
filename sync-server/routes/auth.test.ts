import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/api.ts';
import { createUser } from '../bootstrap.ts';
import { withTx } from '../db/pool.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';
import { LOGIN_RATE_LIMIT } from './auth.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

describe('POST /api/v1/auth/login', () => {
  it('answers exactly {accessToken, refreshToken, user} for the administrator', async () => {
    const res = await srv.call<LoginResponse>('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: TEST_ADMIN_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'refreshToken', 'user']);
    expect(Object.keys(res.body.user).sort()).toEqual(['displayName', 'hospitalId', 'id', 'role', 'username']);
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin', hospitalId: null });
    const hospitals = await srv.call('GET', '/api/v1/hospitals', { token: res.body.accessToken });
    expect(hospitals.status).toBe(200);
  });

  it('accepts the username in any letter case', async () => {
    const body = await srv.login('ADMIN', TEST_ADMIN_PASSWORD);
    expect(body.user.username).toBe('admin');
  });

  it('gives the same 401 for a wrong password and for an unknown user', async () => {
    const wrong = await srv.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'nope-nope' } });
    const unknown = await srv.call('POST', '/api/v1/auth/login', { body: { username: 'ghost', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'invalid_credentials' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ error: 'invalid_credentials' });
  });

  it('refuses an inactive user with the same 401', async () => {
    await withTx(srv.deps.pool, (tx) =>
      createUser(tx, {
        username: 'gone',
        displayName: 'Gone',
        role: 'desk_agent',
        hospitalId: null,
        password: 'gone-password-1',
        active: false,
        now: srv.deps.clock.now(),
      }),
    );
    const res = await srv.call('POST', '/api/v1/auth/login', { body: { username: 'gone', password: 'gone-password-1' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_credentials' });
  });

  it('answers 422 with field errors for a malformed body', async () => {
    const res = await srv.call('POST', '/api/v1/auth/login', { body: { username: '' } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'validation_failed', fields: { username: expect.any(String), password: expect.any(String) } });
  });

  it('rate limits repeated attempts for one username (429), not other usernames', async () => {
    const attempt = (username: string) =>
      srv.call('POST', '/api/v1/auth/login', { body: { username, password: 'wrong-password' } });
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_RATE_LIMIT.max + 2; i++) statuses.push((await attempt('target')).status);
    expect(statuses.slice(0, LOGIN_RATE_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(LOGIN_RATE_LIMIT.max)).toEqual([429, 429]);
    const limited = await attempt('target');
    expect(limited.body).toEqual({ error: 'rate_limited' });
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await attempt('someone-else')).status).toBe(401);
  });

  it('does not let anything under /api/v1 through without a valid token', async () => {
    expect((await srv.call('GET', '/api/v1/hospitals')).status).toBe(401);
    expect((await srv.call('GET', '/api/v1/hospitals', { token: 'not-a-jwt' })).status).toBe(401);
    const forged = (await srv.login('admin', TEST_ADMIN_PASSWORD)).accessToken.slice(0, -4) + 'AAAA';
    expect((await srv.call('GET', '/api/v1/hospitals', { token: forged })).status).toBe(401);
  });
});

describe('POST /api/v1/auth/refresh', () => {
  it('rotates the refresh token: the new one works, the old one is refused', async () => {
    const first = await srv.login('admin', TEST_ADMIN_PASSWORD);
    const second = await srv.call<LoginResponse>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.user.username).toBe('admin');
    expect((await srv.call('GET', '/api/v1/hospitals', { token: second.body.accessToken })).status).toBe(200);
    const third = await srv.call<LoginResponse>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(third.status).toBe(200);
  });

  it('on reuse of a revoked token, revokes the whole family', async () => {
    const first = await srv.login('admin', TEST_ADMIN_PASSWORD);
    const second = await srv.call<LoginResponse>('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    const third = await srv.call<LoginResponse>('POST', '/api/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(third.status).toBe(200);
    // `first` was replaced by a token that has since been used: presenting it again is theft.
    const replay = await srv.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ error: 'refresh_token_reused' });
    // The legitimate newer token dies with the family: whoever holds it must log in again.
    const after = await srv.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: third.body.refreshToken } });
    expect(after.status).toBe(401);
    // Other sessions of the same user are not affected.
    const other = await srv.login('admin', TEST_ADMIN_PASSWORD);
    expect((await srv.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(200);
  });

  it('takes a quick retry whose answer was lost as a retry, not as theft', async () => {
    const first = await srv.login('admin', TEST_ADMIN_PASSWORD);
    const lost = await srv.call<LoginResponse>('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(lost.status).toBe(200);
    // The desk never saw `lost` and retries with the token it has.
    const retry = await srv.call<LoginResponse>('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(retry.status).toBe(200);
    expect(retry.body.refreshToken).not.toBe(lost.body.refreshToken);
    // Only the newest token of the family stays usable.
    expect((await srv.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: lost.body.refreshToken } })).status).toBe(401);
    const fresh = await srv.login('admin', TEST_ADMIN_PASSWORD);
    const ok = await srv.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: fresh.refreshToken } });
    expect(ok.status).toBe(200);
  });

  it('refuses an unknown token', async () => {
    const res = await srv.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: 'x'.repeat(43) } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_refresh_token' });
  });
});
