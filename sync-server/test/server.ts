/**
 * A real sync server for integration tests: fresh migrated and bootstrapped database, the app
 * listening on 127.0.0.1 (free port), background services started.
 *
 *   const srv = await startTestServer();                  // CLOCK=manual, admin / TEST_ADMIN_PASSWORD
 *   const { accessToken } = await srv.login('admin', TEST_ADMIN_PASSWORD);
 *   const res = await srv.call('GET', '/api/v1/hospitals', { token: accessToken });
 *   res.status, res.body
 *   srv.clock?.advance(60_000)                            // the ManualClock (null with CLOCK=system)
 *   await srv.close();                                    // in afterAll: stops everything, drops the db
 *
 * Options: `env` overrides server variables (e.g. { CLOCK: 'system', ORG_NAME: 'X' });
 * `services: false` skips background services; `adminUrl` when not inside a vitest worker.
 * Server logs are silent; set TEST_LOG_LEVEL=debug (or info, warn) to see them.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../log.ts';
import type { LoginResponse } from '../../shared/api.ts';
import { buildApp } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import { createClock, ManualClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { findFreePort } from '../db/embedded.ts';
import type { ServerDeps } from '../deps.ts';
import { startServices } from '../services.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export const TEST_ADMIN_PASSWORD = 'admin-test-password-1';

export type CallResult<T = unknown> = { status: number; body: T; headers: Headers };

export type TestServer = {
  url: string;
  deps: ServerDeps;
  app: FastifyInstance;
  db: TestDatabase;
  clock: ManualClock | null;
  login(username: string, password: string): Promise<LoginResponse>;
  call<T = unknown>(method: string, urlPath: string, opts?: { token?: string; body?: unknown }): Promise<CallResult<T>>;
  close(): Promise<void>;
};

export type TestServerOptions = {
  env?: Record<string, string | undefined>;
  services?: boolean;
  adminUrl?: string;
};

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase({ migrate: true, ...(options.adminUrl ? { adminUrl: options.adminUrl } : {}) });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-test-data-'));
  const port = await findFreePort();
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    CLOCK: 'manual',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    ...options.env,
  });
  const clock = createClock(config.clock, config.clockStart);
  const log = createLogger(config.logLevel);
  const deps: ServerDeps = { config, pool: db.pool, clock, log };
  await bootstrap(db.pool, { now: clock.now(), adminPassword: config.adminPassword });
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port });
  const stopServices = options.services === false ? async () => undefined : await startServices(deps);
  const url = `http://127.0.0.1:${port}`;

  async function call<T>(method: string, urlPath: string, opts: { token?: string; body?: unknown } = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${urlPath}`, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const body = (type.includes('json') && text ? JSON.parse(text) : text) as T;
    return { status: res.status, body, headers: res.headers };
  }

  let closed = false;
  return {
    url,
    deps,
    app,
    db,
    clock: clock instanceof ManualClock ? clock : null,
    call,
    async login(username, password) {
      const res = await call<LoginResponse>('POST', '/api/v1/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async close() {
      if (closed) return;
      closed = true;
      await stopServices();
      // A test that leaves a streaming response open must not hang the run: after a grace
      // period, cut whatever connections are still open.
      const cut = setTimeout(() => app.server.closeAllConnections(), 2_000);
      await app.close();
      clearTimeout(cut);
      await db.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
