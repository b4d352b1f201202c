import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/access.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { EXPLANATION_HEADERS, MAX_ANSWER_LENGTH, renderExplanationForm, renderInvalid, renderThanks } from '../explanations/page.ts';
import { answerExplanation, requestExplanation } from '../explanations/requests.ts';
import { isTokenShaped, tokenHash } from '../explanations/store.ts';
import { languageOf } from '../public/shell.ts';

/**
 * Staff explanation requests (issue 3).
 *
 *   POST /api/v1/complaints/:idOrRef/explanations {staffId, message?}   (bearer; px_admin, admin, hospital_admin)
 *     → 201 {id, link, dueAt (ISO)}; writes an internal `explanation_requested` event. The link is
 *       not sent to anyone yet (the e-mail comes with the outbox).
 *     403 other roles; 404 complaint unknown or of another hospital; 422 bad body, staffId unknown
 *     or of another hospital (fields.staffId 'unknown')
 *   GET  /explanations/:token[?lang=en]   (public, HTML) → 200 the form (complaint reference, title,
 *     the request's message); 410 "link no longer valid" for an unknown, used or expired token
 *   POST /explanations/:token[?lang=en]   (public, form body `answer`) → 200 thanks, the answer is an
 *     internal `explanation_received` event; 422 the form again when empty or too long; 410 as above
 */
const bodySchema = z.object({ staffId: z.string().min(1).max(40), message: z.string().max(4_000).optional() }).strict();

type TokenParams = { token: string };

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock, config } = deps;
  // Inside this plugin only: the rest of the API takes JSON alone.
  await app.register(formbody);

  app.post<{ Params: { idOrRef: string } }>(
    '/api/v1/complaints/:idOrRef/explanations',
    { preHandler: requireRole('px_admin', 'admin', 'hospital_admin') },
    async (request, reply) => {
      const body = bodySchema.parse(request.body);
      const created = await withTxRetry(pool, (tx) => requestExplanation(tx, request.user, request.params.idOrRef, body, clock.now()));
      return reply.code(201).send({
        id: created.id,
        link: `${config.baseUrl.replace(/\/+$/, '')}/explanations/${created.token}`,
        dueAt: new Date(created.dueAt).toISOString(),
      });
    },
  );

  async function pending(token: string): Promise<{ reference: string; title: string; message: string | null } | null> {
    if (!isTokenShaped(token)) return null;
    const { rows } = await pool.query<{ reference: string; title: string; message: string | null }>(
      `SELECT c.reference_number AS reference, c.title, r.message
       FROM explanation_requests r JOIN complaints c ON c.id = r.complaint_id
       WHERE r.token_hash = $1 AND r.status = 'pending' AND r.expires_at > $2 AND NOT c.deleted`,
      [tokenHash(token), clock.now()],
    );
    return rows[0] ?? null;
  }

  const invalid = (reply: FastifyReply, request: FastifyRequest) => reply.code(410).send(renderInvalid(languageOf(request.query)));

  // Generous for a person, a wall for anyone trying tokens (256 random bits anyway).
  const config_ = { public: true, rateLimit: { max: 60, timeWindow: 60_000 } };

  app.get<{ Params: TokenParams }>('/explanations/:token', { config: config_ }, async (request, reply) => {
    reply.headers(EXPLANATION_HEADERS);
    const found = await pending(request.params.token);
    if (!found) return invalid(reply, request);
    const lang = languageOf(request.query);
    return reply.code(200).send(renderExplanationForm({ token: request.params.token, ...found, error: false, draft: '' }, lang));
  });

  app.post<{ Params: TokenParams }>('/explanations/:token', { config: config_ }, async (request, reply) => {
    reply.headers(EXPLANATION_HEADERS);
    const lang = languageOf(request.query);
    const raw = (request.body as { answer?: unknown } | null)?.answer;
    const answer = typeof raw === 'string' ? raw.trim() : '';
    if (answer === '' || answer.length > MAX_ANSWER_LENGTH) {
      const found = await pending(request.params.token);
      if (!found) return invalid(reply, request);
      const draft = typeof raw === 'string' ? raw.slice(0, MAX_ANSWER_LENGTH) : '';
      return reply.code(422).send(renderExplanationForm({ token: request.params.token, ...found, error: true, draft }, lang));
    }
    const result = await withTxRetry(pool, (tx) => answerExplanation(tx, request.params.token, answer, clock.now()));
    if (result !== 'answered') return invalid(reply, request);
    return reply.code(200).send(renderThanks(lang));
  });
}
