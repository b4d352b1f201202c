import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loginRequestSchema, refreshRequestSchema, type LoginResponse } from '../../shared/api.ts';
import { makeDummyHash } from '../auth/passwords.ts';
import { login, refresh, type Signer } from '../auth/sessions.ts';
import type { ServerDeps } from '../deps.ts';
import { HttpError, unauthorized } from '../http.ts';

/**
 * POST /api/v1/auth/login   {username, password} → LoginResponse | 401 {error:'invalid_credentials'}
 * POST /api/v1/auth/refresh {refreshToken}      → LoginResponse | 401 {error:'invalid_refresh_token'|'refresh_token_reused'}
 * Login is rate limited per client address and username (10 a minute, then 429), in memory per
 * instance; refresh per address.
 */
export const LOGIN_RATE_LIMIT = { max: 10, timeWindowMs: 60_000 };

function usernameOf(request: FastifyRequest): string {
  const body = request.body;
  if (typeof body === 'object' && body !== null && 'username' in body && typeof body.username === 'string') {
    return body.username.trim().toLowerCase().slice(0, 60);
  }
  return '';
}

const rateLimited = () => new HttpError(429, { error: 'rate_limited' });

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const dummyHash = await makeDummyHash();
  const sign: Signer = (payload) => app.jwt.sign(payload);

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: LOGIN_RATE_LIMIT.max,
          timeWindow: LOGIN_RATE_LIMIT.timeWindowMs,
          // After body parsing, so the key can include the username.
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => `${request.ip}|${usernameOf(request)}`,
          errorResponseBuilder: rateLimited,
        },
      },
    },
    async (request): Promise<LoginResponse> => {
      const body = loginRequestSchema.parse(request.body);
      const result = await login(deps.pool, sign, dummyHash, body.username, body.password);
      if (!result) throw unauthorized('invalid_credentials');
      return result;
    },
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      config: {
        public: true,
        rateLimit: { max: 60, timeWindow: 60_000, errorResponseBuilder: rateLimited },
      },
    },
    async (request): Promise<LoginResponse> => {
      const body = refreshRequestSchema.parse(request.body);
      const result = await refresh(deps.pool, sign, body.refreshToken);
      if (!result.ok) throw unauthorized(result.reason);
      return result.response;
    },
  );
}
