import type { FastifyInstance } from 'fastify';
import { trackingUrl } from '../../shared/ids.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { rotateTrackingSecret } from '../public/rotate.ts';

/**
 * POST /api/v1/complaints/:idOrRef/tracking-secret   (bearer; anyone who may edit the complaint)
 *   → 200 {trackingUrl, updatedAt}: the complaint has a new tracking secret; the old tracking link,
 *     its survey link and pending one-time codes no longer open anything. The new secret reaches
 *     the desks by replication (the complaint document). 404 unknown or another hospital's.
 */
type Params = { idOrRef: string };

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock, config } = deps;
  app.post<{ Params: Params }>('/api/v1/complaints/:idOrRef/tracking-secret', async (request) => {
    const doc = await withTxRetry(pool, (tx) => rotateTrackingSecret(tx, request.user, request.params.idOrRef, clock.now()));
    return { trackingUrl: trackingUrl(config.baseUrl, doc.referenceNumber, doc.trackingSecret), updatedAt: new Date(doc.updatedAt).toISOString() };
  });
}
