import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizePhone } from '../../shared/phone.ts';
import type { ServerDeps } from '../deps.ts';
import { pageLink, trackingPath } from '../public/links.ts';
import { publicLimits } from '../public/limits.ts';
import { issueCode, normaliseCode, verifyCode } from '../public/otp.ts';
import { pageContext, staticPages } from '../public/pages.ts';
import { normaliseReference } from '../public/tracking-data.ts';
import { languageOf, TRACKING_HEADERS } from '../public/tracking-page.ts';

/**
 * The tracking page's one-time-code path (public, form posts to the page's own address):
 *
 *   POST /complaints/track/:reference/  step=phone&phone=05…
 *     200 "if this number matches, we sent a code" + the code form — always, for every reference
 *         and number (the code is issued after the answer has gone, so not even the time taken
 *         differs); 422 the form again when the number cannot be a mobile number at all.
 *   POST /complaints/track/:reference/  step=code&code=123456
 *     303 to the tracking link (with the current secret) when it is the newest live code of the
 *         reference; 422 "not right or expired" otherwise, the same for every reference.
 *   429 after too many answers that revealed nothing, per address and per reference, and after
 *       too many code requests from one address (public/limits.ts).
 * Bodies (numbers, codes) are never logged: request logs carry only the redacted URL (log.ts).
 */
type Params = { reference: string };
type Body = { step?: unknown; phone?: unknown; code?: unknown } | null | undefined;

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock } = deps;
  await app.register(formbody);
  const limits = publicLimits(app, deps);
  const pages = staticPages(pageContext(deps.config));

  // Codes are issued after the answer; shutting down waits for the ones under way.
  const issuing = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...issuing]);
  });

  const handler = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const lang = languageOf(request.query);
    reply.headers(TRACKING_HEADERS);
    if ((await limits.addressBlocked(request)) || (await limits.referenceBlocked(request))) {
      return reply.code(429).send(pages.limited[lang]);
    }
    const body = request.body as Body;
    const reference = normaliseReference(request.params.reference);

    if (body?.step === 'code') {
      const code = normaliseCode(body.code);
      const secret = code !== null && reference !== null ? await verifyCode(pool, { reference, code, now: clock.now() }) : null;
      if (secret !== null && reference !== null) return reply.redirect(pageLink(trackingPath(reference), secret, lang), 303);
      await limits.failed(request);
      return reply.code(422).send(pages.codeWrong[lang]);
    }

    await limits.failed(request);
    if (body?.step !== 'phone') return reply.code(200).send(pages.form[lang]);
    if (await limits.codeRequestRefused(request)) return reply.code(429).send(pages.limited[lang]);
    const phone = normalizePhone(typeof body.phone === 'string' ? body.phone.slice(0, 40) : '');
    if (!phone.ok) return reply.code(422).send(pages.phoneError[lang]);
    if (reference !== null) {
      const job = issueCode(pool, { reference, phone: phone.e164, language: lang, now: clock.now() }).catch((err: unknown) => {
        request.log.error({ err }, 'tracking page: a one-time code could not be issued');
      });
      issuing.add(job);
      void job.finally(() => issuing.delete(job));
    }
    return reply.code(200).send(pages.codeSent[lang]);
  };

  // Small forms only: a number or six digits.
  const options = { config: { public: true }, bodyLimit: 4_096 };
  app.post<{ Params: Params }>('/complaints/track/:reference/', options, handler);
  app.post<{ Params: Params }>('/complaints/track/:reference', options, handler);
}
