import type { TFunction } from 'i18next';
import { countSegments, type SegmentCount } from '../../../shared/notifications/segments.ts';
import {
  checkTemplateText,
  parseTemplate,
  previewTemplate,
  sampleValues,
  templateDef,
  type TemplateEntry,
  type TemplateFieldProblems,
  type TemplateProblem,
  type TemplateText,
} from '../../../shared/notifications/templates.ts';

/**
 * What the editor shows for the text being typed (pure): the problems the server would refuse it
 * for (the same shared check), the message as it would be sent with sample values, and for an SMS
 * its length and cost in segments.
 */
export type EditorView = { problems: TemplateFieldProblems; preview: TemplateText; count: SegmentCount | null };

export function editorView(entry: TemplateEntry, text: TemplateText): EditorView {
  const def = templateDef(entry.template, entry.channel);
  const problems = def ? checkTemplateText(def, text) : {};
  // An unknown variable shows as typed rather than dropping its line: the admin sees the mistake.
  const values: Record<string, string> = sampleValues(entry.language);
  for (const source of [text.body, text.subject ?? '']) {
    const parsed = parseTemplate(source);
    if (parsed.ok) for (const v of parsed.variables) if (!entry.variables.includes(v)) values[v] = `{${v}}`;
  }
  const preview = previewTemplate(entry.template, entry.language, text, values);
  return { problems, preview, count: entry.channel === 'sms' ? countSegments(preview.body) : null };
}

/** The text currently in force: the hospital's own, else the default. */
export const textOf = (entry: TemplateEntry): TemplateText => {
  const t = entry.override ?? entry.default;
  return { subject: t.subject, body: t.body };
};

export function problemMessage(t: TFunction, p: TemplateProblem, allowed: readonly string[]): string {
  switch (p.code) {
    case 'unknown_variable':
      return t('templates.problem.unknown_variable', { variable: `{${p.variable}}`, allowed: allowed.map((v) => `{${v}}`).join(' ') });
    case 'too_long':
      return t('templates.problem.too_long', { max: p.max });
    case 'required':
      return t('templates.problem.required');
    case 'empty_variable':
      return t('templates.problem.empty_variable', { position: p.index + 1 });
    case 'unclosed_brace':
    case 'unopened_brace':
      return t(`templates.problem.${p.code}`, { position: p.index + 1, brace: p.code === 'unclosed_brace' ? '{' : '}' });
  }
}
