import type { Language } from '../../shared/enums.ts';
import { LANGUAGES } from '../../shared/enums.ts';
import {
  TEMPLATE_DEFS,
  defaultTemplate,
  type TemplateChannel,
  type TemplateEntry,
  type TemplateName,
  type TemplateOverride,
  type TemplateText,
} from '../../shared/notifications/templates.ts';
import type { Queryable } from '../db/pool.ts';

/**
 * A hospital's template overrides (table `message_templates`, migration 007). Defaults live in
 * shared/notifications/texts.ts; only what an admin changed is stored, and a reset deletes it.
 */
export type TemplateKey = { hospitalId: string; template: TemplateName; channel: TemplateChannel; language: Language };

type Row = { template: string; channel: string; language: string; subject: string | null; body: string; updated_by: string; updated_at: string | number };

const overrideOf = (r: Row): TemplateOverride => ({ subject: r.subject, body: r.body, updatedBy: r.updated_by, updatedAt: Number(r.updated_at) });

/**
 * The text a message of this hospital uses, when an admin changed it; null means the default
 * (the caller renders its own default text then). For the outbox's renderer.
 */
export async function templateFor(
  q: Queryable,
  hospitalId: string,
  template: TemplateName,
  channel: TemplateChannel,
  language: Language,
): Promise<TemplateText | null> {
  const { rows } = await q.query<Pick<Row, 'subject' | 'body'>>(
    `SELECT subject, body FROM message_templates WHERE hospital_id = $1 AND template = $2 AND channel = $3 AND language = $4`,
    [hospitalId, template, channel, language],
  );
  const row = rows[0];
  return row ? { subject: row.subject, body: row.body } : null;
}

export async function listTemplates(q: Queryable, hospitalId: string): Promise<TemplateEntry[]> {
  const { rows } = await q.query<Row>(
    `SELECT template, channel, language, subject, body, updated_by, updated_at FROM message_templates WHERE hospital_id = $1`,
    [hospitalId],
  );
  const stored = new Map(rows.map((r) => [`${r.channel}/${r.template}/${r.language}`, overrideOf(r)]));
  return TEMPLATE_DEFS.flatMap((def) =>
    LANGUAGES.map((language) => ({
      template: def.name,
      channel: def.channel,
      language,
      variables: def.variables,
      default: defaultTemplate(def.name, language),
      override: stored.get(`${def.channel}/${def.name}/${language}`) ?? null,
    })),
  );
}

export async function entryFor(q: Queryable, key: TemplateKey): Promise<TemplateEntry | null> {
  return (await listTemplates(q, key.hospitalId)).find((e) => e.template === key.template && e.channel === key.channel && e.language === key.language) ?? null;
}

export async function saveTemplate(q: Queryable, key: TemplateKey, text: TemplateText, by: { userId: string; now: number }): Promise<void> {
  await q.query(
    `INSERT INTO message_templates (hospital_id, template, channel, language, subject, body, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (hospital_id, template, channel, language)
     DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [key.hospitalId, key.template, key.channel, key.language, text.subject, text.body, by.userId, by.now],
  );
}

/** Back to the default; true when there was an override. */
export async function resetTemplate(q: Queryable, key: TemplateKey): Promise<boolean> {
  const { rowCount } = await q.query(
    `DELETE FROM message_templates WHERE hospital_id = $1 AND template = $2 AND channel = $3 AND language = $4`,
    [key.hospitalId, key.template, key.channel, key.language],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * `templateFor` as the outbox's renderer asks (sync-server/notifications/render.ts
 * OverrideLookup): by hospital, template and language, the channel being the template's own.
 */
export function overrideLookup(q: Queryable): (hospitalId: string, template: TemplateName, language: Language) => Promise<TemplateText | null> {
  return (hospitalId, template, language) => {
    const def = TEMPLATE_DEFS.find((d) => d.name === template);
    return def ? templateFor(q, hospitalId, template, def.channel, language) : Promise.resolve(null);
  };
}
