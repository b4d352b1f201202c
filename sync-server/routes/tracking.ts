import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isReference } from '../../shared/reference-number.ts';
import { findHospital } from '../complaints/lookups.ts';
import { findComplaint, timelineOf } from '../complaints/store.ts';
import type { ServerDeps } from '../deps.ts';
import { TRACKING_HEADERS, languageOf, renderTrackingDetail, renderTrackingForm } from '../public/tracking-page.ts';

/**
 * GET /complaints/track/:reference/?s=<trackingSecret>&lang=en   (public, HTML)
 *   → 200 always. With the complaint's secret: its public status page. Otherwise (no secret, a
 *     wrong one, a reference that does not exist or is malformed): the same verification form,
 *     byte for byte, so the page reveals nothing, not even whether the reference exists.
 * Also answered without the trailing slash.
 */
type Params = { reference: string };

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares hashes so the time taken says nothing about how much of the secret was right. */
export function secretMatches(given: string, actual: string): boolean {
  return timingSafeEqual(digest(given), digest(actual));
}

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const handler = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const lang = languageOf(request.query);
    const given = (request.query as { s?: unknown } | null)?.s;
    const secret = typeof given === 'string' ? given.trim() : '';
    reply.headers(TRACKING_HEADERS);
    const reference = request.params.reference;
    const row = isReference(reference) ? await findComplaint(deps.pool, reference) : null;
    // Always compare (against a dummy when there is no complaint), so an existing reference
    // does not answer measurably slower than a missing one.
    const ok = secretMatches(secret, row?.doc.trackingSecret ?? '\u0000no-complaint') && secret !== '' && row !== null;
    if (!row || !ok) return reply.code(200).send(renderTrackingForm(lang));
    const hospital = await findHospital(deps.pool, row.hospitalId);
    const events = await timelineOf(deps.pool, row.doc.id, row.hospitalId);
    return reply.code(200).send(renderTrackingDetail({ complaint: row.doc, hospital, events }, lang));
  };
  // Generous for a person, a wall for anyone trying codes (which are 128 random bits anyway).
  const config = { public: true, rateLimit: { max: 120, timeWindow: 60_000 } };
  app.get<{ Params: Params }>('/complaints/track/:reference/', { config }, handler);
  app.get<{ Params: Params }>('/complaints/track/:reference', { config }, handler);
}
