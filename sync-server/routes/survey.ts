import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { publicLimits } from '../public/limits.ts';
import { pageContext, staticPages } from '../public/pages.ts';
import { MAX_SURVEY_COMMENT, parseScore, renderSurveyForm, renderSurveyMessage, type SurveyFormState } from '../public/survey-page.ts';
import { givenSecret, loadPublicComplaint, secretMatches } from '../public/tracking-data.ts';
import { languageOf, surveyOf, TRACKING_HEADERS } from '../public/tracking-page.ts';
import { recordSurveyResponse } from '../sla/thresholds/survey.ts';

/**
 * The satisfaction survey (public, HTML; the link is in the closure SMS and on the tracking page
 * of a closed complaint). The tracking secret opens it, so a rotated secret closes it too.
 *
 *   GET  /complaints/survey/:reference/?s=<secret>[&lang=en]   (also without the slash)
 *     200 the form (1–5 and a comment) for a CLOSED complaint not yet rated for this closure;
 *     200 "already rated" / "not open yet" (not closed) with the way back to the tracking page;
 *     404 for a wrong or missing secret or an unknown reference — the same bytes for all.
 *   POST same address, form `score` (1–5), `comment` (optional, ≤ 2,000 characters)
 *     200 thanks: `recordSurveyResponse` writes `survey_received` on the timeline and applies the
 *         hospital's survey thresholds, in one transaction;
 *     409 "already rated" for a second answer (one answer per closure, checked under the
 *         complaint's row lock, so two at once still make one); 422 the form again with its errors.
 *   429 as the tracking page (public/limits.ts).
 */
type Params = { reference: string };
type Body = { score?: unknown; comment?: unknown } | null | undefined;

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock } = deps;
  await app.register(formbody);
  const limits = publicLimits(app, deps);
  const ctx = pageContext(deps.config);
  const pages = staticPages(ctx);

  const handler = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const lang = languageOf(request.query);
    reply.headers(TRACKING_HEADERS);
    if (await limits.addressBlocked(request)) return reply.code(429).send(pages.limited[lang]);
    const complaint = await loadPublicComplaint(pool, request.params.reference);
    const secret = givenSecret(request.query);
    const ok = secretMatches(secret, complaint);
    if (!ok || complaint === null) {
      if (await limits.referenceBlocked(request)) return reply.code(429).send(pages.limited[lang]);
      await limits.failed(request);
      return reply.code(404).send(pages.surveyInvalid[lang]);
    }
    const view = { reference: complaint.referenceNumber, secret };
    const survey = surveyOf(complaint, complaint.events);
    if (survey === null) return reply.code(200).send(renderSurveyMessage('not_yet', view, lang, ctx));
    const posting = request.method === 'POST';
    if (survey.answered) return reply.code(posting ? 409 : 200).send(renderSurveyMessage('done', view, lang, ctx));
    const form: SurveyFormState = { reference: complaint.referenceNumber, secret, score: null, comment: '', errors: {} };
    if (!posting) return reply.code(200).send(renderSurveyForm(form, lang, ctx));

    const body = request.body as Body;
    const score = parseScore(body?.score);
    const rawComment = typeof body?.comment === 'string' ? body.comment : '';
    const comment = rawComment.trim();
    if (score === null || comment.length > MAX_SURVEY_COMMENT) {
      const errors = { ...(score === null ? { score: true } : {}), ...(comment.length > MAX_SURVEY_COMMENT ? { comment: true } : {}) };
      return reply.code(422).send(renderSurveyForm({ ...form, score, comment: rawComment.slice(0, MAX_SURVEY_COMMENT), errors }, lang, ctx));
    }
    const result = await withTxRetry(pool, (tx) =>
      recordSurveyResponse(tx, { complaintId: complaint.id, surveyId: survey.surveyId, score, comment: comment === '' ? null : comment, now: clock.now() }),
    );
    if (result.outcome === 'not_found') return reply.code(404).send(pages.surveyInvalid[lang]);
    if (result.outcome === 'duplicate') return reply.code(409).send(renderSurveyMessage('done', view, lang, ctx));
    return reply.code(200).send(renderSurveyMessage('thanks', view, lang, ctx));
  };

  // A score and a comment of at most 2,000 characters (Arabic is 2 bytes each, and form-encoded 6).
  const options = { config: { public: true }, bodyLimit: 32_768 };
  for (const path of ['/complaints/survey/:reference/', '/complaints/survey/:reference']) {
    app.get<{ Params: Params }>(path, { config: { public: true } }, handler);
    app.post<{ Params: Params }>(path, options, handler);
  }
}
