import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../deps.ts';

/**
 * Rate limits of the complainant's pages, on @fastify/rate-limit's in-memory store (per server
 * instance, real seconds). What is counted is every answer that revealed nothing — no secret, a
 * wrong secret, a wrong one-time code, a request for a code — per address and per reference:
 *
 *   - an address over its allowance gets 429 for everything, the right link included (otherwise a
 *     429 would only mean "wrong", and guessing could go on at full speed);
 *   - a reference over its allowance gets 429 for everything but its right secret, so someone
 *     hammering a complainant's reference cannot lock the complainant out of their own SMS link
 *     (a 128-bit secret is no guess: letting it through tells a guesser nothing);
 *   - code requests (each may send an SMS) have a smaller allowance per address; per reference,
 *     the database allows a few codes an hour (otp.ts).
 *
 * A complainant opening their link never counts against anything, so many phones behind one
 * carrier address do not lock each other out and the page serves at full speed. The counts do
 * not depend on whether the reference exists, so a 429 says nothing about that either.
 */
export const PUBLIC_LIMITS = {
  addressFailures: { max: 60, timeWindow: 10 * 60_000 },
  referenceFailures: { max: 20, timeWindow: 10 * 60_000 },
  addressCodeRequests: { max: 10, timeWindow: 60 * 60_000 },
} as const;

export type PublicLimits = {
  /** True when the address has failed too often: answer 429 whatever was asked. */
  addressBlocked(request: FastifyRequest): Promise<boolean>;
  /** True when the reference has failed too often: answer 429 unless the right secret came. */
  referenceBlocked(request: FastifyRequest): Promise<boolean>;
  /** Counts an answer that revealed nothing, against the address and the reference. */
  failed(request: FastifyRequest): Promise<void>;
  /** Counts a request for an SMS code; true when the address has asked for too many. */
  codeRequestRefused(request: FastifyRequest): Promise<boolean>;
};

/** The reference of the address, as typed (bounded), for the per-reference count. */
function referenceKey(request: FastifyRequest): string {
  const raw = (request.params as { reference?: unknown } | null)?.reference;
  return `ref:${typeof raw === 'string' ? raw.trim().toUpperCase().slice(0, 40) : ''}`;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

async function exceeded(limiter: Limiter, request: FastifyRequest, increment: boolean): Promise<boolean> {
  const state = await limiter(request, { increment });
  // A read reports the failures so far: blocked once the allowance is used up.
  return !state.isAllowed && (increment ? state.isExceeded : state.remaining === 0);
}

function create(app: FastifyInstance): PublicLimits {
  const byAddress = (request: FastifyRequest) => `addr:${request.ip}`;
  const addressFailures = app.createRateLimit({ ...PUBLIC_LIMITS.addressFailures, keyGenerator: byAddress });
  const referenceFailures = app.createRateLimit({ ...PUBLIC_LIMITS.referenceFailures, keyGenerator: referenceKey });
  const codeRequests = app.createRateLimit({ ...PUBLIC_LIMITS.addressCodeRequests, keyGenerator: (r) => `code:${r.ip}` });
  return {
    addressBlocked: (request) => exceeded(addressFailures, request, false),
    referenceBlocked: (request) => exceeded(referenceFailures, request, false),
    async failed(request) {
      await addressFailures(request);
      await referenceFailures(request);
    },
    codeRequestRefused: (request) => exceeded(codeRequests, request, true),
  };
}

// One set of counters per server, shared by the tracking, code and survey routes (each route
// module gets its own Fastify scope, but the same deps).
const perServer = new WeakMap<ServerDeps, PublicLimits>();

export function publicLimits(app: FastifyInstance, deps: ServerDeps): PublicLimits {
  let limits = perServer.get(deps);
  if (!limits) {
    limits = create(app);
    perServer.set(deps, limits);
  }
  return limits;
}
