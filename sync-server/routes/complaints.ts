import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createComplaintRequestSchema,
  listQuerySchema,
  patchComplaintRequestSchema,
  transitionRequestSchema,
} from '../../shared/api.ts';
import { canSeeHospital } from '../auth/access.ts';
import { checkCreateRequest, createComplaint } from '../complaints/create.ts';
import { listComplaints } from '../complaints/list.ts';
import { findComplaint, timelineOf, type ComplaintRow } from '../complaints/store.ts';
import { withTxRetry } from '../complaints/tx.ts';
import { patchComplaint, transitionComplaint } from '../complaints/update.ts';
import { complaintView, eventView, type ComplaintDetail } from '../complaints/view.ts';
import type { Queryable } from '../db/pool.ts';
import type { ServerDeps } from '../deps.ts';
import { notFound } from '../http.ts';
import { notificationsOf } from '../notifications/store.ts';

/**
 * Integration API (brief §4), bearer. A caller only ever sees its own hospitals' complaints:
 * another hospital's complaint is a 404, exactly like one that does not exist.
 *
 *   POST  /api/v1/complaints                       → 201 complaint (+ trackingUrl, dueAt ISO)
 *         422 {error:'validation_failed', fields} bad body, unknown hospital/source/department,
 *         `complainant.phone: invalid_phone`
 *   GET   /api/v1/complaints/:idOrRef              → 200 complaint + events (oldest first) + notifications; 404
 *   PATCH /api/v1/complaints/:idOrRef              → 200 complaint + events; 404; 422 (unknown key,
 *         bad value, department not of the hospital, unknown assignee);
 *         403 {error:'role_forbids', field, reason} (shared/complaint-access.ts)
 *   POST  /api/v1/complaints/:idOrRef/transitions  → 200 complaint + events; 404; 403 as PATCH;
 *         409 {error:'transition_not_allowed', from, allowed}; 422 fields.resolution / fields.comment 'required'
 *   GET   /api/v1/complaints?status&priority&source&assignee&overdue&q&hospitalId&page&limit
 *         → 200 {data, pagination:{page, limit, total}}; 422 bad query
 */
type Params = { idOrRef: string };

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock, config } = deps;

  function visible(request: FastifyRequest, row: ComplaintRow | null): ComplaintRow {
    if (!row || !canSeeHospital(request.user, row.hospitalId)) throw notFound();
    return row;
  }

  async function detail(q: Queryable, row: ComplaintRow): Promise<ComplaintDetail> {
    const events = await timelineOf(q, row.doc.id, row.hospitalId);
    return { ...complaintView(row.doc, config.baseUrl), events: events.map(eventView), notifications: await notificationsOf(q, row.doc.id) };
  }

  app.post('/api/v1/complaints', async (request, reply) => {
    const body = createComplaintRequestSchema.parse(request.body);
    const { phone } = await checkCreateRequest(pool, request.user, body);
    const doc = await withTxRetry(pool, (tx) => createComplaint(tx, request.user, body, phone, clock.now()));
    return reply.code(201).send(complaintView(doc, config.baseUrl));
  });

  app.get('/api/v1/complaints', async (request) => {
    const query = listQuerySchema.parse(request.query);
    const { docs, total } = await listComplaints(pool, request.user, query);
    return {
      data: docs.map((d) => complaintView(d, config.baseUrl)),
      pagination: { page: query.page, limit: query.limit, total },
    };
  });

  app.get<{ Params: Params }>('/api/v1/complaints/:idOrRef', async (request) => {
    const row = visible(request, await findComplaint(pool, request.params.idOrRef));
    return detail(pool, row);
  });

  app.patch<{ Params: Params }>('/api/v1/complaints/:idOrRef', async (request) => {
    const patch = patchComplaintRequestSchema.parse(request.body ?? {});
    return withTxRetry(pool, async (tx) => {
      const row = visible(request, await findComplaint(tx, request.params.idOrRef, true));
      const doc = await patchComplaint(tx, row.doc, patch, request.user, clock.now());
      return detail(tx, { ...row, doc });
    });
  });

  app.post<{ Params: Params }>('/api/v1/complaints/:idOrRef/transitions', async (request) => {
    const body = transitionRequestSchema.parse(request.body);
    return withTxRetry(pool, async (tx) => {
      const row = visible(request, await findComplaint(tx, request.params.idOrRef, true));
      const doc = await transitionComplaint(tx, row.doc, body, request.user, clock.now());
      return detail(tx, { ...row, doc });
    });
  });
}
