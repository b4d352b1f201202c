import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ThresholdDoc } from '../../shared/documents.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { canSeeHospital, requireRole } from '../auth/access.ts';
import { findHospital } from '../complaints/lookups.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { Queryable } from '../db/pool.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, HttpError, notFound } from '../http.ts';
import { checkThreshold, listThresholds, parseThreshold, readThreshold, saveThreshold } from '../sla/thresholds/store.ts';

/**
 * Survey-score (and later other) thresholds of a hospital — source document 002 §9. The same
 * people as the other SLA settings (routes/sla-admin.ts): admins, PX admins, and hospital admins
 * for their own hospital; anyone else 403. Changes are recorded in `sla_changes`. Thresholds are
 * not replicated: the server alone evaluates them (sla/thresholds/survey.ts).
 *
 *   GET    /api/v1/sla/thresholds?hospitalId=        → 200 {data}
 *   POST   /api/v1/sla/thresholds   the document without id/updatedAt → 201 document
 *   PATCH  /api/v1/sla/thresholds/:id   any fields but id/hospitalId  → 200 document
 *   DELETE /api/v1/sla/thresholds/:id                                 → 204
 * 422 {error:'validation_failed', fields} for a bad document (unknown key, operator, action…), a
 * value off the 1–5 survey scale (fields.value 'out_of_range'), a notify threshold without a
 * target (fields.notifyRole / notifyUserId 'required') or naming an unknown user ('unknown');
 * 404 unknown id (or one of a hospital the caller may not see).
 */
const PATH = '/api/v1/sla/thresholds';
const listQuery = z.object({ hospitalId: z.string().min(1).max(40) });
const objectBody = z.record(z.string(), z.unknown());

async function checkHospital(q: Queryable, request: FastifyRequest, hospitalId: string): Promise<void> {
  if (!canSeeHospital(request.user, hospitalId)) throw forbidden();
  if (!(await findHospital(q, hospitalId))) throw new HttpError(422, { error: 'validation_failed', fields: { hospitalId: 'unknown' } });
}

async function validate(q: Queryable, candidate: unknown): Promise<ThresholdDoc> {
  const doc = parseThreshold(candidate);
  const fields = await checkThreshold(q, doc);
  if (Object.keys(fields).length > 0) throw new HttpError(422, { error: 'validation_failed', fields });
  return doc;
}

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock } = deps;
  const adminsOnly = { preHandler: requireRole('admin', 'px_admin', 'hospital_admin') };

  app.get(PATH, adminsOnly, async (request) => {
    const { hospitalId } = listQuery.parse(request.query);
    await checkHospital(pool, request, hospitalId);
    return { data: await listThresholds(pool, hospitalId) };
  });

  app.post(PATH, adminsOnly, async (request, reply) => {
    const body = objectBody.parse(request.body ?? {});
    const hospitalId = typeof body.hospitalId === 'string' ? body.hospitalId : '';
    if (hospitalId) await checkHospital(pool, request, hospitalId);
    const now = clock.now();
    const doc = await validate(pool, { notifyRole: null, notifyUserId: null, active: true, ...body, id: uuidv7(now), updatedAt: now });
    await withTxRetry(pool, (tx) => saveThreshold(tx, doc, { action: 'create', actorId: request.user.id, now }));
    return reply.code(201).send(doc);
  });

  app.patch<{ Params: { id: string } }>(`${PATH}/:id`, adminsOnly, async (request) => {
    const body = objectBody.parse(request.body ?? {});
    if ('id' in body || 'hospitalId' in body) {
      throw new HttpError(422, { error: 'validation_failed', fields: { ['id' in body ? 'id' : 'hospitalId']: 'immutable' } });
    }
    return withTxRetry(pool, async (tx) => {
      const stored = await readThreshold(tx, request.params.id, true);
      if (!stored || !canSeeHospital(request.user, stored.hospitalId)) throw notFound();
      const now = clock.now();
      const doc = await validate(tx, { ...stored, ...body, updatedAt: Math.max(now, stored.updatedAt) });
      await saveThreshold(tx, doc, { action: 'update', actorId: request.user.id, now });
      return doc;
    });
  });

  app.delete<{ Params: { id: string } }>(`${PATH}/:id`, adminsOnly, async (request, reply) => {
    await withTxRetry(pool, async (tx) => {
      const stored = await readThreshold(tx, request.params.id, true);
      if (!stored || !canSeeHospital(request.user, stored.hospitalId)) throw notFound();
      await saveThreshold(tx, stored, { action: 'delete', actorId: request.user.id, now: clock.now() });
    });
    return reply.code(204).send();
  });
}
