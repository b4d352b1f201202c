import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../shared/enums.ts';
import { checkTemplateText, templateDef, type TemplateProblem } from '../../shared/notifications/templates.ts';
import { canSeeHospital, requireRole } from '../auth/access.ts';
import { findHospital } from '../complaints/lookups.ts';
import type { Queryable } from '../db/pool.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, HttpError, notFound } from '../http.ts';
import { entryFor, listTemplates, resetTemplate, saveTemplate, type TemplateKey } from '../templates/store.ts';

/**
 * Message templates of a hospital (complainant SMS, staff e-mail), per language. Admins, PX
 * admins and hospital admins, within the hospitals they may see; anyone else 403.
 *
 *   GET    /api/v1/templates?hospitalId=                                 → 200 {data: TemplateEntry[]}
 *   PATCH  /api/v1/templates/:channel/:template/:language?hospitalId=  {body, subject?}
 *          → 200 TemplateEntry (the override saved)
 *   DELETE /api/v1/templates/:channel/:template/:language?hospitalId=  → 200 TemplateEntry (default again)
 *
 * A text that uses a variable the template does not have, or unbalanced braces, is refused with
 * 422 {error:'validation_failed', fields:{body|subject: code}, problems:{body|subject: {code,
 * variable?, index?}}, message}: `fields` as every 422 of the API, `problems` naming the variable.
 * 404 for a template, channel or language that does not exist.
 */
const hospitalQuery = z.object({ hospitalId: z.string().min(1).max(40) });
const saveBody = z.strictObject({ body: z.string().max(20_000), subject: z.string().max(1_000).nullable().optional() });
type Params = { channel: string; template: string; language: string };

async function checkHospital(q: Queryable, request: FastifyRequest): Promise<string> {
  const { hospitalId } = hospitalQuery.parse(request.query);
  if (!canSeeHospital(request.user, hospitalId)) throw forbidden();
  if (!(await findHospital(q, hospitalId))) throw new HttpError(422, { error: 'validation_failed', fields: { hospitalId: 'unknown' } });
  return hospitalId;
}

function keyOf(hospitalId: string, p: Params): TemplateKey {
  const def = templateDef(p.template, p.channel);
  const language = LANGUAGES.find((l) => l === p.language);
  if (!def || !language) throw notFound('unknown_template');
  return { hospitalId, template: def.name, channel: def.channel, language };
}

function describe(field: string, p: TemplateProblem, allowed: readonly string[]): string {
  switch (p.code) {
    case 'unknown_variable':
      return `${field}: unknown variable {${p.variable}}; this template knows ${allowed.map((v) => `{${v}}`).join(', ')}`;
    case 'unclosed_brace':
      return `${field}: a { at character ${p.index + 1} is never closed`;
    case 'unopened_brace':
      return `${field}: a } at character ${p.index + 1} closes nothing`;
    case 'empty_variable':
      return `${field}: empty braces at character ${p.index + 1}`;
    case 'too_long':
      return `${field}: longer than ${p.max} characters`;
    case 'required':
      return `${field}: required`;
  }
}

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock } = deps;
  const adminsOnly = { preHandler: requireRole('admin', 'px_admin', 'hospital_admin') };

  app.get('/api/v1/templates', adminsOnly, async (request) => {
    const hospitalId = await checkHospital(pool, request);
    return { data: await listTemplates(pool, hospitalId) };
  });

  app.patch<{ Params: Params }>('/api/v1/templates/:channel/:template/:language', adminsOnly, async (request) => {
    const hospitalId = await checkHospital(pool, request);
    const key = keyOf(hospitalId, request.params);
    const def = templateDef(key.template, key.channel)!;
    const body = saveBody.parse(request.body ?? {});
    const text = { body: body.body, subject: def.channel === 'email' ? (body.subject ?? null) : null };
    const problems = checkTemplateText(def, text);
    const fields = Object.entries(problems);
    if (fields.length > 0) {
      throw new HttpError(422, {
        error: 'validation_failed',
        fields: Object.fromEntries(fields.map(([f, p]) => [f, p.code])),
        problems,
        message: fields.map(([f, p]) => describe(f, p, def.variables)).join('; '),
      });
    }
    await saveTemplate(pool, key, text, { userId: request.user.id, now: clock.now() });
    return entryFor(pool, key);
  });

  app.delete<{ Params: Params }>('/api/v1/templates/:channel/:template/:language', adminsOnly, async (request) => {
    const hospitalId = await checkHospital(pool, request);
    const key = keyOf(hospitalId, request.params);
    await resetTemplate(pool, key);
    return entryFor(pool, key);
  });
}
