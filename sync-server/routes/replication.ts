import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  COLLECTION_NAMES,
  PUSHABLE_COLLECTIONS,
  pullQuerySchema,
  pushRequestSchema,
  type CollectionName,
  type PushRequest,
} from '../../shared/replication.ts';
import { canSeeHospital } from '../auth/access.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { HttpError, forbidden } from '../http.ts';
import { pushNotifications } from '../inbox/push.ts';
import { ChangeListener } from '../replication/listener.ts';
import { pull } from '../replication/pull.ts';
import { pushComplaints } from '../replication/push-complaints.ts';
import { pushEvents } from '../replication/push-events.ts';
import { StreamHub } from '../replication/stream.ts';

/**
 * The desks' replication endpoints (protocol: shared/replication.ts). All bearer-authenticated
 * (auth/plugin.ts guards /api/v1), all scoped to `hospitalId`, which the caller must be allowed
 * to see (403 otherwise).
 *
 *   GET  /api/v1/replication/:collection/pull?hospitalId=&seq=&limit=  → 200 PullResponse
 *        404 unknown collection, 422 bad query, 403 hospital not the caller's
 *   POST /api/v1/replication/:collection/push?hospitalId=             → 200 {conflicts}
 *        404 unknown or not pushable collection, 422 malformed body (nothing written),
 *        403 a row of another hospital or a reference number not leased to the hospital
 *        (nothing written), 409 {error:'reference_taken'} a number already used by another complaint
 *   GET  /api/v1/replication/stream?hospitalId=                        → text/event-stream
 */
const hospitalQuery = z.object({ hospitalId: z.string().min(1).max(40) });
// The schema's inferred type is a union over the collections; each one validates exactly its own.
const complaintsPush = pushRequestSchema('complaints');
const eventsPush = pushRequestSchema('events');
const notificationsPush = pushRequestSchema('notifications');
const parsePush = {
  complaints: (body: unknown) => complaintsPush.parse(body) as PushRequest<'complaints'>,
  events: (body: unknown) => eventsPush.parse(body) as PushRequest<'events'>,
  notifications: (body: unknown) => notificationsPush.parse(body) as PushRequest<'notifications'>,
};

function scopedHospital(request: FastifyRequest, hospitalId: string): string {
  if (!canSeeHospital(request.user, hospitalId)) throw forbidden();
  return hospitalId;
}

function collectionOf(params: unknown): CollectionName {
  const name = (params as { collection?: string }).collection ?? '';
  if (!(COLLECTION_NAMES as string[]).includes(name)) throw new HttpError(404, { error: 'unknown_collection' });
  return name as CollectionName;
}

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const listener = new ChangeListener(deps.pool, deps.log);
  const hub = new StreamHub(listener);
  // Open streams would keep the server from closing; end them first, then the listener.
  app.addHook('preClose', async () => hub.closeAll());
  app.addHook('onClose', async () => listener.close());

  app.get('/api/v1/replication/stream', async (request, reply) => {
    const hospitalId = scopedHospital(request, hospitalQuery.parse(request.query).hospitalId);
    // Listening before the hello: a desk resyncs on hello, so nothing committed after it is missed.
    try {
      await listener.ready();
    } catch (err) {
      request.log.error({ err }, 'replication stream: cannot listen for changes');
      throw new HttpError(503, { error: 'stream_unavailable' });
    }
    const conn = hub.open(hospitalId);
    reply.raw.on('close', () => conn.close());
    conn.hello();
    reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no');
    return reply.send(conn.body);
  });

  app.get('/api/v1/replication/:collection/pull', async (request) => {
    const collection = collectionOf(request.params);
    const query = pullQuerySchema.parse(request.query);
    scopedHospital(request, query.hospitalId);
    return pull(deps.pool, collection, query, request.user.id);
  });

  app.post('/api/v1/replication/:collection/push', async (request) => {
    const collection = collectionOf(request.params);
    if (!(PUSHABLE_COLLECTIONS as readonly string[]).includes(collection)) {
      throw new HttpError(404, { error: 'not_pushable' });
    }
    const hospitalId = scopedHospital(request, hospitalQuery.parse(request.query).hospitalId);
    const now = deps.clock.now();
    if (collection === 'complaints') {
      const body = parsePush.complaints(request.body);
      return withTxRetry(deps.pool, (tx) => pushComplaints(tx, hospitalId, body, now, request.user));
    }
    if (collection === 'notifications') {
      const body = parsePush.notifications(request.body);
      return withTxRetry(deps.pool, (tx) => pushNotifications(tx, hospitalId, request.user.id, body));
    }
    const body = parsePush.events(request.body);
    return withTxRetry(deps.pool, (tx) => pushEvents(tx, hospitalId, body, now));
  });
}
