import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canAdminister } from '../../shared/admin-access.ts';
import { assignmentSettingsSchema } from '../../shared/admin-documents.ts';
import { autoAssignEnabled } from '../assignment/auto.ts';
import { saveAssignmentSettings } from '../assignment/settings.ts';
import { findHospital } from '../complaints/lookups.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, HttpError } from '../http.ts';

/**
 * A hospital's automatic assignment setting (off by default):
 *   GET /api/v1/admin/assignment?hospitalId=            → 200 {autoAssign}
 *   PUT /api/v1/admin/assignment {hospitalId, autoAssign} → 200 {autoAssign}
 * Admins, and PX/hospital admins of the hospital (shared/admin-access.ts); 403 otherwise.
 */
const hospitalQuery = z.object({ hospitalId: z.string().min(1).max(40) });
const putBody = assignmentSettingsSchema.extend({ hospitalId: z.string().min(1).max(40) }).strict();

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock } = deps;

  app.get('/api/v1/admin/assignment', async (request) => {
    const { hospitalId } = hospitalQuery.parse(request.query);
    if (!canAdminister(request.user, 'assignment', hospitalId)) throw forbidden();
    return { autoAssign: await autoAssignEnabled(pool, hospitalId) };
  });

  app.put('/api/v1/admin/assignment', async (request) => {
    if (!canAdminister(request.user, 'assignment', request.user.hospitalId ?? '*')) throw forbidden();
    const { hospitalId, autoAssign } = putBody.parse(request.body ?? {});
    if (!canAdminister(request.user, 'assignment', hospitalId)) throw forbidden();
    if (!(await findHospital(pool, hospitalId))) throw new HttpError(422, { error: 'validation_failed', fields: { hospitalId: 'unknown' } });
    return withTxRetry(pool, (tx) => saveAssignmentSettings(tx, hospitalId, { autoAssign }, { actorId: request.user.id, now: clock.now() }));
  });
}
