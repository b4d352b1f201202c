/**
 * A fresh, uniquely named database per test file (or per test), on the PostgreSQL that the
 * global setup provides.
 *
 *   const db = await createTestDatabase({ migrate: true });
 *   ... db.pool.query(...) / db.url ...
 *   await db.drop();   // closes the pool and drops the database (in afterAll)
 *
 * Outside vitest workers (e.g. another globalSetup) pass `adminUrl` explicitly.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate as runMigrations } from '../db/migrate.ts';
import { createPool, type Pool } from '../db/pool.ts';
import { migrations } from '../migrations/index.ts';
import { installJobQueue } from '../notifications/queue.ts';

export type TestDatabase = { name: string; url: string; pool: Pool; drop(): Promise<void> };

export async function resolveAdminUrl(adminUrl?: string): Promise<string> {
  if (adminUrl) return adminUrl;
  const { inject } = await import('vitest');
  return inject('pgAdminUrl');
}

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrate?: boolean; adminUrl?: string } = {}): Promise<TestDatabase> {
  const adminUrl = await resolveAdminUrl(options.adminUrl);
  const name = `cd_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(adminUrl, name);
  const pool = createPool(url, 5);
  // A test that stops PostgreSQL under the pool must not crash the worker.
  pool.on('error', () => undefined);
  if (options.migrate) {
    await runMigrations(pool, migrations);
    // The outbox's job queue (graphile-worker) keeps its own schema and migrations.
    await installJobQueue(pool);
  }
  let dropped = false;
  return {
    name,
    url,
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await pool.end().catch(() => undefined);
      await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
