/**
 * `npm run setup:sla` (tsx sync-server/setup-sla.ts): on the configured database (DATABASE_URL, or
 * the embedded one under DATA_DIR — stop the server first, the embedded database has one owner),
 * migrates, creates what is missing of the SLA reference data for every hospital (sla/setup.ts)
 * and recomputes every open complaint's next SLA action. Safe to run twice. Prints one JSON line.
 */
import pino from 'pino';
import { ConfigError, parseConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { rebuildSchedules } from './sla/rebuild.ts';
import { setupSla } from './sla/setup.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const db = await openDatabase(config, { debug: (m) => log.debug(m), info: (m) => log.info(m), warn: (m) => log.warn(m) });
  try {
    const created = await setupSla(db.pool, Date.now());
    const schedules = await rebuildSchedules(db.pool);
    process.stdout.write(`${JSON.stringify({ ...created, schedulesRebuilt: schedules })}\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
