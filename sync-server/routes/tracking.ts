import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../deps.ts';
import { publicLimits } from '../public/limits.ts';
import { pageContext, staticPages } from '../public/pages.ts';
import { givenSecret, loadPublicComplaint, secretMatches } from '../public/tracking-data.ts';
import { languageOf, renderTrackingDetail, TRACKING_HEADERS } from '../public/tracking-page.ts';

/**
 * GET /complaints/track/:reference/?s=<trackingSecret>&lang=en   (public, HTML; also without the slash)
 *   200 with the complaint's secret: its public status page (one indexed query, secret compared
 *       in constant time).
 *   200 otherwise (no secret, a wrong one, a reference that does not exist or is malformed): the
 *       verification form — code or phone number — the same bytes for every reference.
 *   429 the same page for everyone, after too many answers that revealed nothing from the address,
 *       or (unless the right secret comes) for the reference: public/limits.ts.
 * The phone number and one-time code steps POST to the same address (routes/tracking-otp.ts).
 */
type Params = { reference: string };

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const limits = publicLimits(app, deps);
  const ctx = pageContext(deps.config);
  const pages = staticPages(ctx);

  const handler = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const lang = languageOf(request.query);
    reply.headers(TRACKING_HEADERS);
    if (await limits.addressBlocked(request)) return reply.code(429).send(pages.limited[lang]);
    const complaint = await loadPublicComplaint(deps.pool, request.params.reference);
    // Compared even when there is no complaint (against a dummy): the same work either way.
    const ok = secretMatches(givenSecret(request.query), complaint);
    if (!ok || complaint === null) {
      if (await limits.referenceBlocked(request)) return reply.code(429).send(pages.limited[lang]);
      await limits.failed(request);
      return reply.code(200).send(pages.form[lang]);
    }
    return reply.code(200).send(renderTrackingDetail({ complaint, hospital: complaint.hospital, events: complaint.events }, lang, ctx));
  };
  const config = { public: true };
  app.get<{ Params: Params }>('/complaints/track/:reference/', { config }, handler);
  app.get<{ Params: Params }>('/complaints/track/:reference', { config }, handler);
}
