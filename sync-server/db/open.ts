import type { Config } from '../config.ts';
import { startEmbeddedPostgres, type EmbeddedLog, type EmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';
import { createPool, type Pool } from './pool.ts';
import { migrations } from '../migrations/index.ts';
import { installJobQueue } from '../notifications/queue.ts';

/**
 * The server's database as configured: `DATABASE_URL`, or the embedded PostgreSQL under
 * `DATA_DIR`; migrated to the latest version. Used by the server and by the demo loader.
 */
export type OpenDatabase = {
  pool: Pool;
  applied: string[];
  /** Ends the pool, then stops the embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
};

export async function openDatabase(config: Config, log: EmbeddedLog): Promise<OpenDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  if (url === null) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
    url = embedded.url;
  }
  const pool = createPool(url);
  try {
    const { applied } = await migrate(pool, migrations);
    // Before the app serves anything: a complaint created at once queues its SMS job there.
    await installJobQueue(pool);
    return {
      pool,
      applied,
      close: async () => {
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}
