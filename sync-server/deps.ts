import type { FastifyBaseLogger } from 'fastify';
import type pino from 'pino';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Pool } from './db/pool.ts';

/**
 * Everything a route or worker needs, passed explicitly (no singletons). main.ts and the test
 * harness build one per server; route modules receive it as their second argument.
 */
export type ServerDeps = {
  config: Config;
  pool: Pool;
  clock: Clock;
  log: FastifyBaseLogger | pino.Logger;
};
