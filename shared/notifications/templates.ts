import type { Language } from '../enums.ts';
import { checkTemplate, type TemplateProblem, type TemplateValues } from './templates-syntax.ts';
import {
  MESSAGE_TEMPLATE_IDS,
  MESSAGE_TEMPLATES,
  renderMessage,
  type MessageChannel,
  type MessageTemplateId,
  type MessageText,
} from './texts.ts';

export { parseTemplate, renderTemplate, checkTemplate } from './templates-syntax.ts';
export type { TemplatePart, TemplateProblem, TemplateProblemCode, TemplateValues } from './templates-syntax.ts';

/**
 * Templates as admins edit them, per hospital and language: the messages of texts.ts (their
 * names, channels, variables and default texts are that module's), checked before they are saved
 * so a typo never reaches a phone, and previewed with sample values. A hospital's override
 * replaces one (template, channel, language); a reset brings the default back.
 */
export type TemplateName = MessageTemplateId;
export type TemplateChannel = MessageChannel;
export type TemplateText = MessageText;

export type TemplateDef = {
  name: TemplateName;
  channel: TemplateChannel;
  audience: 'complainant' | 'staff';
  variables: readonly string[];
};

export const TEMPLATE_DEFS: readonly TemplateDef[] = MESSAGE_TEMPLATE_IDS.map((name) => {
  const { channel, audience, variables } = MESSAGE_TEMPLATES[name];
  return { name, channel, audience, variables };
});

export function templateDef(name: string, channel: string): TemplateDef | null {
  return TEMPLATE_DEFS.find((d) => d.name === name && d.channel === channel) ?? null;
}

export function defaultTemplate(name: TemplateName, language: Language): TemplateText {
  return MESSAGE_TEMPLATES[name].texts[language];
}

/** A hospital's own text for a template, and who last changed it. */
export type TemplateOverride = TemplateText & { updatedBy: string; updatedAt: number };

/** One row of the admin's list (GET /api/v1/templates): the default and the hospital's override. */
export type TemplateEntry = {
  template: TemplateName;
  channel: TemplateChannel;
  language: Language;
  variables: readonly string[];
  default: TemplateText;
  override: TemplateOverride | null;
};

export const TEMPLATE_LIMITS = { body: { sms: 1_000, email: 10_000 }, subject: 200 } as const;

/** A problem of a template being saved, by field: what the admin's form shows next to it. */
export type TemplateFieldProblems = Partial<Record<'subject' | 'body', TemplateProblem>>;

/** Checks a template text for its definition; empty when it may be saved. An SMS has no subject. */
export function checkTemplateText(def: TemplateDef, text: { subject?: string | null; body: string }): TemplateFieldProblems {
  const problems: TemplateFieldProblems = {};
  const body = checkTemplate(text.body, def.variables, { maxLength: TEMPLATE_LIMITS.body[def.channel] });
  if (body) problems.body = body;
  if (def.channel === 'email') {
    const subject = checkTemplate(text.subject ?? '', def.variables, { maxLength: TEMPLATE_LIMITS.subject });
    if (subject) problems.subject = subject;
  }
  return problems;
}

/**
 * What the admin's preview fills in: realistic values, with a tracking link as long as the
 * server's (BASE_URL + reference + 22-character secret), so the segment count is honest.
 */
export function sampleValues(language: Language): Record<string, string> {
  const ar = language === 'ar';
  return {
    org: 'SHCT',
    ref: 'CMP-2026-000123',
    link: 'https://shct.sa/complaints/track/CMP-2026-000123/?s=Q2hhbmdlTWUtOTg3NjU0',
    support: '8001234567',
    summary: ar ? 'تم معالجة المشكلة' : 'Issue addressed',
    title: ar ? 'تأخر موعد العيادة' : 'Clinic appointment delayed',
    due: '2026-11-24 14:00',
    name: ar ? 'د. منى سالم' : 'Dr. Mona Salem',
    level: '1',
    message: ar ? 'نرجو توضيح ما حدث.' : 'Please explain what happened.',
    score: '2',
    comment: ar ? 'الانتظار طويل' : 'The wait was long',
    survey: 'https://shct.sa/complaints/survey/CMP-2026-000123/?s=Q2hhbmdlTWUtOTg3NjU0',
    code: '482913',
  };
}

/** The preview: a template text rendered exactly as the server will send it (texts.ts). */
export function previewTemplate(name: TemplateName, language: Language, text: TemplateText, values: TemplateValues): TemplateText {
  return renderMessage(name, language, values, text);
}
