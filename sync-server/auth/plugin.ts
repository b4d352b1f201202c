import fastifyJwt from '@fastify/jwt';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { SessionUser } from '../../shared/api.ts';
import type { Role } from '../../shared/enums.ts';
import { getOrCreateSetting } from '../db/settings.ts';
import type { ServerDeps } from '../deps.ts';
import { unauthorized } from '../http.ts';

/**
 * Bearer authentication for the whole API.
 *
 * - Every route whose URL starts with `/api/v1/` requires a valid access token, unless its route
 *   config says `{ public: true }` (login, refresh). Route modules need not add anything: an
 *   `onRoute` hook puts `app.authenticate` in front of them, so forgetting it cannot open a hole.
 * - After authentication `request.user` is the `SessionUser` (typed below).
 * - `app.authenticate` is also available for routes outside `/api/v1` that want a token.
 *
 * Access tokens are HS256 JWTs of 15 minutes; the secret is generated once and kept in the
 * `settings` table, so every instance on the database accepts every other's tokens. Token
 * lifetimes use wall time, not the manual business clock, so moving the clock in a test or demo
 * does not log everybody out.
 */
export type AccessTokenPayload = {
  sub: string;
  role: Role;
  hospitalId: string | null;
  username: string;
  displayName: string;
};

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenPayload;
    user: SessionUser;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: onRequestHookHandler;
  }
  interface FastifyContextConfig {
    /** Reachable without a token (only meaningful under /api/v1). */
    public?: boolean;
  }
}

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const JWT_SECRET_KEY = 'jwt_secret';

export function toSessionUser(p: AccessTokenPayload): SessionUser {
  return { id: p.sub, username: p.username, displayName: p.displayName, role: p.role, hospitalId: p.hospitalId };
}

export function toAccessPayload(u: SessionUser): AccessTokenPayload {
  return { sub: u.id, role: u.role, hospitalId: u.hospitalId, username: u.username, displayName: u.displayName };
}

/** Installs JWT support, `app.authenticate` and the `/api/v1` guard on the root instance. */
export async function installAuth(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const secret = await getOrCreateSetting(deps.pool, JWT_SECRET_KEY, () => randomBytes(48).toString('base64url'));
  await app.register(fastifyJwt, {
    secret,
    sign: { expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    formatUser: (payload) => toSessionUser(payload as AccessTokenPayload),
  });

  async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    if (!/^bearer /i.test(request.headers.authorization ?? '')) throw unauthorized('missing_token');
    try {
      await request.jwtVerify();
    } catch {
      throw unauthorized('invalid_token');
    }
  }
  app.decorate('authenticate', authenticate);

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1/') || route.config?.public === true) return;
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [authenticate, ...existing];
  });
}
