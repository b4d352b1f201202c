import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import { createClock } from '../clock.ts';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import { parseConfig } from '../config.ts';
import type { ServerDeps } from '../deps.ts';
import { createLogger } from '../log.ts';
import { waitFor } from '../notifications/testing.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';
import { CLOSE_STEPS, makeComplaint, moveTo, raw } from './testing.ts';

/**
 * Nothing a complainant types or holds reaches the server's log: not the tracking secret (in the
 * query of every tracking and survey link, and in the Location of the code step's redirect), not
 * the phone number, the one-time code or the survey comment (form bodies), not a rotated secret.
 * The app runs with its real logger at `trace`, written to memory.
 */
const lines: string[] = [];
let db: TestDatabase;
let app: FastifyInstance;
let w: World;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: true });
  const config = parseConfig({ NODE_ENV: 'test', CLOCK: 'manual', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, DATABASE_URL: db.url, HOST: '127.0.0.1' });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const clock = createClock(config.clock, config.clockStart);
  const deps: ServerDeps = { config, pool: db.pool, clock, log: createLogger('trace', sink) };
  await bootstrap(db.pool, { now: clock.now(), adminPassword: TEST_ADMIN_PASSWORD });
  app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Just enough of a TestServer for the world fixtures (they log in and call the API).
  const srv = {
    url,
    deps,
    db,
    app,
    clock: null,
    async call(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
    },
    async login(username: string, password: string) {
      return (await srv.call('POST', '/api/v1/auth/login', { body: { username, password } })).body;
    },
    close: async () => undefined,
  } as unknown as TestServer;
  w = await setupWorld(srv);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('request logs of the public pages', () => {
  it('never contain a secret, a phone number, a one-time code or a survey comment', async () => {
    const c = await makeComplaint(w, { complainant: { name: 'Log Person', phone: '0551239876', language: 'en' } });
    await raw(w.srv.url, `${c.path}?s=${c.secret}&lang=en`);
    await raw(w.srv.url, `${c.path.replace(/\/$/, '')}?s=${c.secret}`);
    await raw(w.srv.url, `${c.path}?lang=en`, { form: { step: 'phone', phone: '0551239876' } });
    // The code is issued after the answer; no outbox runs here, so read it from the queued SMS.
    const code = await waitFor(async () => {
      const { rows } = await db.pool.query<{ code: string }>(`SELECT variables->>'code' AS code FROM outbox_messages WHERE template = 'complainant_otp' AND complaint_id = $1`, [c.id]);
      return rows[0]?.code;
    }, 'the one-time code');
    await raw(w.srv.url, c.path, { form: { step: 'code', code: code === '864209' ? '864208' : '864209' } });
    const opened = await raw(w.srv.url, c.path, { form: { step: 'code', code } });
    expect(opened.status).toBe(303);
    expect(String(opened.headers.location)).toContain(c.secret);
    const rotated = await w.srv.call<{ trackingUrl: string }>('POST', `/api/v1/complaints/${c.id}/tracking-secret`, { token: w.tokens.mainDesk });
    const secret = new URL(rotated.body.trackingUrl).searchParams.get('s') ?? '';
    await moveTo(w, c.id, CLOSE_STEPS);
    await raw(w.srv.url, `/complaints/survey/${c.referenceNumber}/?s=${secret}`);
    const rated = await raw(w.srv.url, `/complaints/survey/${c.referenceNumber}/?s=${secret}`, { form: { score: '3', comment: 'Comment-Q7x that stays out of logs' } });
    expect(rated.status).toBe(200);

    const log = lines.join('');
    expect(log).toContain(`${c.path}?[redacted]`);
    expect(log).toContain(`/complaints/survey/${c.referenceNumber}/?[redacted]`);
    for (const hidden of [c.secret, secret, '0551239876', '551239876', code, 'Comment-Q7x']) expect(log).not.toContain(hidden);
  });
});
