import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canAdminister } from '../../shared/admin-access.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, HttpError, notFound } from '../http.ts';
import type { AdminDoc, AdminResourceDef, FieldErrors } from './resources.ts';
import { listAdminDocs, readAdminDoc, saveAdminDoc } from './store.ts';

/**
 * The admin API of one resource (registered by routes/admin-<resource>.ts):
 *
 *   GET   /api/v1/admin/<path>?hospitalId=   → 200 {data}   (group-wide resources: no hospitalId)
 *   POST  /api/v1/admin/<path>     the document without id/updatedAt (defaults filled) → 201 document
 *   PATCH /api/v1/admin/<path>/:id  the fields that change, never the immutable ones → 200 document
 *
 * 403 for anyone the shared rule (shared/admin-access.ts) does not allow — checked before the
 * body is even read, and again against the row's own hospital; 422 {error:'validation_failed',
 * fields} for a bad document, an unknown reference or a taken code/username; 404 unknown id (or
 * a row of a hospital the caller may not see). Nothing is deleted: rows are deactivated.
 */
/** Same shape as routes/index.ts's RouteModule (not imported: that module imports the routes). */
type RouteModule = (app: FastifyInstance, deps: ServerDeps) => Promise<void>;

export type CreateExtras = (body: Record<string, unknown>) => Promise<{ body: Record<string, unknown>; columns: Record<string, unknown> }>;

const objectBody = z.record(z.string(), z.unknown());
const listQuery = z.object({ hospitalId: z.string().min(1).max(40).optional() });

function invalid(fields: FieldErrors): HttpError {
  return new HttpError(422, { error: 'validation_failed', fields });
}

function takenAs422(field: string) {
  return (err: unknown): never => {
    if ((err as { code?: unknown }).code === '23505') throw invalid({ [field]: 'taken' });
    throw err;
  };
}

/** The first gate: may this user administer this kind of row anywhere at all? */
export function gate<D extends AdminDoc>(request: FastifyRequest, r: AdminResourceDef<D>): void {
  if (!canAdminister(request.user, r.resource, request.user.hospitalId ?? '*')) throw forbidden();
}

export function adminCrudRoutes<D extends AdminDoc>(r: AdminResourceDef<D>, extras?: CreateExtras): RouteModule {
  const strict = r.schema.strict();
  const parse = (value: unknown): D => strict.parse(value) as D;

  return async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
    const { pool, clock } = deps;
    const base = `/api/v1/admin/${r.path}`;

    async function checked(doc: D, request: FastifyRequest, q: Parameters<AdminResourceDef<D>['check']>[0]): Promise<D> {
      if (!canAdminister(request.user, r.resource, r.scope(doc))) throw forbidden();
      const fields = await r.check(q, doc, request.user);
      if (Object.keys(fields).length > 0) throw invalid(fields);
      return doc;
    }

    app.get(base, async (request) => {
      gate(request, r);
      const { hospitalId } = listQuery.parse(request.query);
      const scope = hospitalId ?? null;
      if (!canAdminister(request.user, r.resource, scope)) throw forbidden();
      return { data: await listAdminDocs(pool, r, scope) };
    });

    app.post(base, async (request, reply) => {
      gate(request, r);
      const raw = objectBody.parse(request.body ?? {});
      const { body, columns } = extras ? await extras(raw) : { body: raw, columns: {} };
      const now = clock.now();
      const doc = parse({ ...r.defaults, ...body, id: uuidv7(now), updatedAt: now });
      await checked(doc, request, pool);
      await withTxRetry(pool, (tx) => saveAdminDoc(tx, r, null, doc, { action: 'create', actorId: request.user.id, now }, columns)).catch(
        takenAs422(r.unique),
      );
      return reply.code(201).send(doc);
    });

    app.patch<{ Params: { id: string } }>(`${base}/:id`, async (request) => {
      gate(request, r);
      const body = objectBody.parse(request.body ?? {});
      const fixed = r.immutable.find((k) => k in body) ?? ('updatedAt' in body ? 'updatedAt' : undefined);
      if (fixed) throw invalid({ [fixed]: 'immutable' });
      return withTxRetry(pool, async (tx) => {
        const before = await readAdminDoc(tx, r, request.params.id, true);
        if (!before || !canAdminister(request.user, r.resource, r.scope(before))) throw notFound();
        const now = clock.now();
        const after = await checked(parse({ ...before, ...body, updatedAt: Math.max(now, before.updatedAt) }), request, tx);
        await saveAdminDoc(tx, r, before, after, { action: 'update', actorId: request.user.id, now });
        await r.afterUpdate?.(tx, before, after);
        return after;
      }).catch(takenAs422(r.unique));
    });
  };
}
