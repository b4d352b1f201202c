import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../deps.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { migrations } from '../migrations/index.ts';

/**
 * `GET /healthz` → 200 {"status":"ok"} once the database answers and every migration this build
 * knows is applied; 503 otherwise (load balancers and `npm start` wait on it).
 */
const HEALTH_TIMEOUT_MS = 5_000;

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/healthz', { config: { public: true }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      // An unreachable database host can leave a connection attempt hanging; answer anyway.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS);
      });
      const pending = await Promise.race([pendingMigrations(deps.pool, migrations), timeout]).finally(() =>
        clearTimeout(timer),
      );
      if (pending.length === 0) return { status: 'ok' };
      return reply.code(503).send({ status: 'unavailable', reason: 'migrations_pending' });
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database_unreachable' });
    }
  });
}
