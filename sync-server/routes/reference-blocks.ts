import type { FastifyInstance } from 'fastify';
import { leaseRequestSchema, type LeaseResponse } from '../../shared/api.ts';
import { canSeeHospital } from '../auth/access.ts';
import { findHospital } from '../complaints/lookups.ts';
import { leaseBlock } from '../complaints/references.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { HttpError, forbidden } from '../http.ts';

/**
 * POST /api/v1/reference-blocks (bearer) {deskId, hospitalId, year, size?=50}
 *   → 200 {year, start, end}: a range of group-wide reference numbers now leased to that desk and
 *     hospital; 403 when the hospital is not the caller's; 422 on a bad body or (for a group-level
 *     caller) a hospital that does not exist.
 */
export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.post('/api/v1/reference-blocks', async (request): Promise<LeaseResponse> => {
    const body = leaseRequestSchema.parse(request.body);
    if (!canSeeHospital(request.user, body.hospitalId)) throw forbidden();
    if (!(await findHospital(deps.pool, body.hospitalId))) {
      throw new HttpError(422, { error: 'validation_failed', fields: { hospitalId: 'unknown' } });
    }
    return withTxRetry(deps.pool, (tx) =>
      leaseBlock(tx, {
        year: body.year,
        size: body.size,
        deskId: body.deskId,
        hospitalId: body.hospitalId,
        leasedBy: request.user.id,
        now: deps.clock.now(),
      }),
    );
  });
}
