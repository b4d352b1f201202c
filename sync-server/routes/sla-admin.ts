import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { uuidv7 } from '../../shared/ids.ts';
import { canSeeHospital, requireRole } from '../auth/access.ts';
import { findHospital } from '../complaints/lookups.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { Queryable } from '../db/pool.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, HttpError, notFound } from '../http.ts';
import {
  calendarResource,
  escalationRuleResource,
  listSlaDocs,
  readSlaDoc,
  saveSlaDoc,
  slaConfigResource,
  type SlaDoc,
  type SlaResource,
} from '../sla/admin.ts';

/**
 * SLA administration: configurations, escalation rules and calendars of a hospital. Only admins,
 * PX admins and hospital admins, each within the hospitals they may see (a hospital admin: their
 * own); anyone else 403. Every change is a replicated write (desks receive it), recorded in
 * `sla_changes`, and makes the scheduler recompute the hospital's open complaints.
 *
 *   GET    /api/v1/sla/{configs|escalation-rules|calendars}?hospitalId=   → 200 {data}
 *   POST   /api/v1/sla/{…}        the document without id/updatedAt      → 201 document
 *   PATCH  /api/v1/sla/{…}/:id    any fields but id/hospitalId           → 200 document
 *   DELETE /api/v1/sla/{…}/:id                                            → 204
 * 422 {error:'validation_failed', fields} for a bad document or unknown reference (source,
 * named user, time zone); 409 {error:'already_exists'} for a second configuration of the same
 * hospital + source or hospital + severity + priority, or a second calendar; 404 unknown id.
 */
const RESOURCES: Record<string, SlaResource<SlaDoc>> = {
  configs: slaConfigResource as unknown as SlaResource<SlaDoc>,
  'escalation-rules': escalationRuleResource as unknown as SlaResource<SlaDoc>,
  calendars: calendarResource as unknown as SlaResource<SlaDoc>,
};

const listQuery = z.object({ hospitalId: z.string().min(1).max(40) });
const objectBody = z.record(z.string(), z.unknown());
type Params = { resource: string; id?: string };

function resourceOf(name: string): SlaResource<SlaDoc> {
  const r = RESOURCES[name];
  if (!r) throw notFound();
  return r;
}

async function checkHospital(q: Queryable, request: FastifyRequest, hospitalId: string): Promise<void> {
  if (!canSeeHospital(request.user, hospitalId)) throw forbidden();
  if (!(await findHospital(q, hospitalId))) throw new HttpError(422, { error: 'validation_failed', fields: { hospitalId: 'unknown' } });
}

async function validate(q: Queryable, r: SlaResource<SlaDoc>, candidate: unknown): Promise<SlaDoc> {
  const doc = r.parse(candidate);
  const fields = await r.check(q, doc);
  if (Object.keys(fields).length > 0) throw new HttpError(422, { error: 'validation_failed', fields });
  return doc;
}

function duplicateAs409(err: unknown): never {
  if ((err as { code?: unknown }).code === '23505') throw new HttpError(409, { error: 'already_exists' });
  throw err;
}

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock } = deps;
  const adminsOnly = { preHandler: requireRole('admin', 'px_admin', 'hospital_admin') };

  app.get<{ Params: Params }>('/api/v1/sla/:resource', adminsOnly, async (request) => {
    const r = resourceOf(request.params.resource);
    const { hospitalId } = listQuery.parse(request.query);
    await checkHospital(pool, request, hospitalId);
    return { data: await listSlaDocs(pool, r, hospitalId) };
  });

  app.post<{ Params: Params }>('/api/v1/sla/:resource', adminsOnly, async (request, reply) => {
    const r = resourceOf(request.params.resource);
    const body = objectBody.parse(request.body ?? {});
    const hospitalId = typeof body.hospitalId === 'string' ? body.hospitalId : '';
    if (hospitalId) await checkHospital(pool, request, hospitalId);
    const now = clock.now();
    const doc = await validate(pool, r, { ...body, id: uuidv7(now), updatedAt: now });
    await withTxRetry(pool, (tx) => saveSlaDoc(tx, r, doc, { action: 'create', actorId: request.user.id, now })).catch(duplicateAs409);
    return reply.code(201).send(doc);
  });

  app.patch<{ Params: Params }>('/api/v1/sla/:resource/:id', adminsOnly, async (request) => {
    const r = resourceOf(request.params.resource);
    const body = objectBody.parse(request.body ?? {});
    if ('id' in body || 'hospitalId' in body) {
      throw new HttpError(422, { error: 'validation_failed', fields: { [('id' in body ? 'id' : 'hospitalId')]: 'immutable' } });
    }
    return withTxRetry(pool, async (tx) => {
      const stored = await readSlaDoc(tx, r, request.params.id ?? '', true);
      if (!stored || stored.deleted || !canSeeHospital(request.user, stored.doc.hospitalId)) throw notFound();
      const now = clock.now();
      const doc = await validate(tx, r, { ...stored.doc, ...body, updatedAt: Math.max(now, stored.doc.updatedAt) });
      await saveSlaDoc(tx, r, doc, { action: 'update', actorId: request.user.id, now });
      return doc;
    }).catch(duplicateAs409);
  });

  app.delete<{ Params: Params }>('/api/v1/sla/:resource/:id', adminsOnly, async (request, reply) => {
    const r = resourceOf(request.params.resource);
    await withTxRetry(pool, async (tx) => {
      const stored = await readSlaDoc(tx, r, request.params.id ?? '', true);
      if (!stored || stored.deleted || !canSeeHospital(request.user, stored.doc.hospitalId)) throw notFound();
      const now = clock.now();
      const doc = { ...stored.doc, updatedAt: Math.max(now, stored.doc.updatedAt) };
      await saveSlaDoc(tx, r, doc, { action: 'delete', actorId: request.user.id, now });
    });
    return reply.code(204).send();
  });
}
