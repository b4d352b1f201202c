/**
 * `npm run server` (tsx sync-server/main.ts): configuration from the environment, PostgreSQL
 * (DATABASE_URL or the embedded one under DATA_DIR), migrations, first-start bootstrap, the HTTP
 * app on HOST:PORT and background services. SIGINT/SIGTERM shut down in order: HTTP, services,
 * pool, embedded PostgreSQL.
 */
import { createLogger } from './log.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { createClock } from './clock.ts';
import { ConfigError, parseConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import type { ServerDeps } from './deps.ts';
import { startServices } from './services.ts';

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
  const log = createLogger(config.logLevel);
  const clock = createClock(config.clock, config.clockStart);
  if (clock.kind === 'manual') log.warn('CLOCK=manual: time moves only through POST /api/v1/clock');

  let stopServices: () => Promise<void> = async () => undefined;
  let closing = false;
  const pgLog = log.child({ component: 'embedded-postgres' });
  const db = await openDatabase(config, {
    debug: (m) => pgLog.debug(m),
    info: (m) => pgLog.info(m),
    warn: (m) => pgLog.warn(m),
  });
  const { pool } = db;
  if (db.applied.length > 0) log.info(`applied migrations: ${db.applied.join(', ')}`);
  // On Ctrl-C the terminal signals the embedded PostgreSQL too, which drops idle connections.
  pool.on('error', (err) => {
    if (!closing) log.warn({ err }, 'idle database connection failed');
  });
  const deps: ServerDeps = { config, pool, clock, log };
  const app = await (async () => {
    const boot = await bootstrap(pool, { now: clock.now(), adminPassword: config.adminPassword });
    if (boot.created) log.info('first start: created the sources, hospital MAIN and user admin');
    if (boot.generatedAdminPassword !== null) {
      // Printed once, on stdout, never logged: the operator copies it from the terminal.
      process.stdout.write(`\nAdministrator login: admin / ${boot.generatedAdminPassword}\n\n`);
    }
    return buildApp(deps);
  })();

  async function shutdown(signal: string): Promise<void> {
    if (closing) return;
    closing = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await app.close();
      await stopServices();
      await db.close();
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exitCode = 1;
    }
    clearTimeout(force);
    process.exit();
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  stopServices = await startServices(deps);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info(`Complaint Desk sync server listening on http://${config.host}:${port} (public base ${config.baseUrl})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
