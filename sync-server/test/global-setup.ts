/**
 * Vitest globalSetup of the `server` project (see vitest.config.ts).
 *
 * Provides `pgAdminUrl`: a PostgreSQL URL on which tests may CREATE/DROP their own databases
 * (use `createTestDatabase()` from ./db.ts, or `startTestServer()` from ./server.ts).
 *   - TEST_DATABASE_URL set → that server is used as is (e.g. postgres://postgres@127.0.0.1:5432/test).
 *   - otherwise → ONE embedded PostgreSQL is started for the whole run, in a temp dir on a free
 *     port, and stopped (and its directory removed) at teardown.
 * In a test: `import { inject } from 'vitest'; const url = inject('pgAdminUrl');`
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded.ts';

declare module 'vitest' {
  interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('pgAdminUrl', given);
    return async () => undefined;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-test-pg-'));
  const quiet = { debug: () => undefined, info: () => undefined, warn: (m: string) => console.warn(m) };
  const pg = await startEmbeddedPostgres({ dataDir: dir, log: quiet, database: 'postgres' });
  project.provide('pgAdminUrl', pg.adminUrl);
  return async () => {
    await pg.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}
