import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../sync-server/db/embedded.ts';

export type BenchDatabase = { url: string; stop(): Promise<void> };

/**
 * A throwaway database for one benchmark run: a fresh database in TEST_DATABASE_URL's server when
 * it is set, else the embedded PostgreSQL the server ships, in a temp dir removed afterwards.
 */
export async function benchDatabase(bench: string, log: (m: string) => void): Promise<BenchDatabase> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  const name = `cd_bench_${bench}_${randomBytes(4).toString('hex')}`;
  if (given) {
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        const c = new pg.Client({ connectionString: given });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), `cd-bench-${bench}-`));
  const quiet = { debug: () => undefined, info: () => undefined, warn: (m: string) => log(m) };
  const embedded = await startEmbeddedPostgres({ dataDir: dir, port: null, database: name, log: quiet });
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
