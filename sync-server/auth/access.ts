import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/enums.ts';
import type { SessionUser } from '../../shared/api.ts';
import type { Queryable } from '../db/pool.ts';
import { forbidden } from '../http.ts';
// `request.user` is typed by the JWT augmentation there; importing it keeps that true in every
// program that compiles this file (the benchmarks load server modules without the auth plugin).
import type {} from './plugin.ts';

/**
 * Who may see what. A desk belongs to one hospital and must only ever hold that hospital's data;
 * group-level users (hospitalId null) see every hospital (brief §1).
 */
export function canSeeHospital(user: Pick<SessionUser, 'hospitalId'>, hospitalId: string): boolean {
  return user.hospitalId === null || user.hospitalId === hospitalId;
}

export function isGroupLevel(user: Pick<SessionUser, 'hospitalId'>): boolean {
  return user.hospitalId === null;
}

/** The ids of the (not deleted) hospitals the user may see, ordered by code. */
export async function allowedHospitalIds(db: Queryable, user: Pick<SessionUser, 'hospitalId'>): Promise<string[]> {
  const { rows } =
    user.hospitalId === null
      ? await db.query<{ id: string }>(`SELECT id FROM hospitals WHERE NOT deleted ORDER BY doc->>'code', id`)
      : await db.query<{ id: string }>(`SELECT id FROM hospitals WHERE id = $1 AND NOT deleted`, [user.hospitalId]);
  return rows.map((r) => r.id);
}

/** A preHandler that answers 403 unless the (already authenticated) user has one of the roles. */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async (request) => {
    if (!roles.includes(request.user.role)) throw forbidden();
  };
}
