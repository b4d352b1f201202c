import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { toFieldErrors } from '../shared/api.ts';
import { installAuth } from './auth/plugin.ts';
import type { ServerDeps } from './deps.ts';
import { HttpError } from './http.ts';
import { routeModules } from './routes/index.ts';

/**
 * Builds the HTTP app (not listening). Errors: `HttpError` → its status and body; a `ZodError`
 * from parsing input → 422 with field errors; Fastify's own client errors (bad JSON, too large)
 * → their 4xx as `{error}`; anything else → 500 `{error:'internal'}` and a log line.
 */
export async function buildApp(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log,
    // X-Forwarded-For is not trusted: anyone could forge it to dodge the login rate limit.
    trustProxy: false,
    bodyLimit: 5 * 1024 * 1024,
  });

  app.setErrorHandler((error: FastifyError | HttpError | ZodError, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send(error.body);
    if (error instanceof ZodError) return reply.code(422).send(toFieldErrors(error));
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : 'bad_request';
      return reply.code(status).send({ error: status === 400 ? 'bad_request' : code.toLowerCase(), message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found' }));

  // Bearer-only auth, so any origin may call (the desk's renderer is `app://desk`); no cookies.
  await app.register(cors, {
    origin: '*',
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });
  await installAuth(app, deps);

  for (const routes of routeModules) {
    await app.register(async (scope) => routes(scope, deps));
  }
  return app;
}
