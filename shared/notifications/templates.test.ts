import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../enums.ts';
import { countSegments } from './segments.ts';
import {
  TEMPLATE_DEFS,
  checkTemplate,
  checkTemplateText,
  defaultTemplate,
  parseTemplate,
  previewTemplate,
  renderTemplate,
  sampleValues,
  templateDef,
} from './templates.ts';

describe('template syntax', () => {
  it('splits text and placeholders, spaces inside braces allowed', () => {
    const parsed = parseTemplate('Ref: { ref }\n{org}!');
    expect(parsed).toEqual({
      ok: true,
      variables: ['ref', 'org'],
      parts: [
        { kind: 'text', text: 'Ref: ' },
        { kind: 'variable', name: 'ref', index: 5 },
        { kind: 'text', text: '\n' },
        { kind: 'variable', name: 'org', index: 13 },
        { kind: 'text', text: '!' },
      ],
    });
  });

  it.each([
    ['a { never closed', 'Ref {ref', { code: 'unclosed_brace', index: 4 }],
    ['a } never opened', 'Ref ref}', { code: 'unopened_brace', index: 7 }],
    ['a { inside a placeholder', 'Ref {re{org}}', { code: 'unclosed_brace', index: 4 }],
    ['a placeholder across a line break', 'Ref {re\nf}', { code: 'unclosed_brace', index: 4 }],
    ['empty braces', 'Ref {}', { code: 'empty_variable', index: 4 }],
    ['blank braces', 'Ref {  }', { code: 'empty_variable', index: 4 }],
  ])('refuses %s', (_name, source, problem) => {
    expect(parseTemplate(source)).toEqual({ ok: false, problem });
  });

  it('names the unknown variable and where it is', () => {
    const allowed = ['org', 'ref'];
    expect(checkTemplate('Ref {ref} {reference}', allowed, { maxLength: 100 })).toEqual({ code: 'unknown_variable', variable: 'reference', index: 10 });
    expect(checkTemplate('{ phone }', allowed, { maxLength: 100 })).toEqual({ code: 'unknown_variable', variable: 'phone', index: 0 });
    expect(checkTemplate('Ref {ref} from {org}', allowed, { maxLength: 100 })).toBeNull();
  });

  it('refuses an empty or too long template before anything else', () => {
    expect(checkTemplate('  \n ', ['org'], { maxLength: 100 })).toEqual({ code: 'required' });
    expect(checkTemplate('x'.repeat(101), ['org'], { maxLength: 100 })).toEqual({ code: 'too_long', max: 100 });
  });

  it('reports unbalanced braces before unknown variables', () => {
    expect(checkTemplate('{unknown} {org', ['org'], { maxLength: 100 })).toEqual({ code: 'unclosed_brace', index: 10 });
  });
});

describe('rendering', () => {
  it('fills variables in, numbers included', () => {
    expect(renderTemplate('Ref {ref}, level {level}', { ref: 'CMP-2026-000001', level: 2 })).toBe('Ref CMP-2026-000001, level 2');
  });

  it('leaves out a line whose variable has no value, and only that line', () => {
    const template = 'Ref: {ref}\nSupport: {support}\nThanks';
    expect(renderTemplate(template, { ref: 'R', support: null })).toBe('Ref: R\nThanks');
    expect(renderTemplate(template, { ref: 'R', support: '  ' })).toBe('Ref: R\nThanks');
    expect(renderTemplate(template, { ref: 'R' })).toBe('Ref: R\nThanks');
    expect(renderTemplate(template, { ref: 'R', support: '800' })).toBe('Ref: R\nSupport: 800\nThanks');
  });

  it('never shows the braces of a malformed line to a complainant', () => {
    expect(renderTemplate('Ref {ref\nok {org}', { org: 'SHCT' })).toBe('Ref ref\nok SHCT');
  });
});

describe('editable templates', () => {
  it('are every message of texts.ts, each default passing the check it will be saved with', () => {
    expect(TEMPLATE_DEFS.length).toBeGreaterThan(0);
    for (const def of TEMPLATE_DEFS) {
      for (const language of LANGUAGES) {
        const text = defaultTemplate(def.name, language);
        expect(checkTemplateText(def, text), `${def.name}/${language}`).toEqual({});
        expect(text.subject === null, `${def.name} subject`).toBe(def.channel === 'sms');
      }
    }
  });

  it('have a sample value for every variable, so the preview never drops a line', () => {
    for (const language of LANGUAGES) {
      const sample = sampleValues(language);
      for (const def of TEMPLATE_DEFS) for (const v of def.variables) expect(sample[v], `${def.name} {${v}}`).toBeTruthy();
    }
  });

  it('preview the brief’s Arabic confirmation as the server sends it, priced as UCS-2', () => {
    const values = sampleValues('ar');
    const preview = previewTemplate('complaint_received', 'ar', defaultTemplate('complaint_received', 'ar'), values);
    expect(preview.body).toBe(`استلام شكوى SHCT\nالرقم: CMP-2026-000123\nتم استلام شكواكم. تابع الحالة:\n${values.link}\nالدعم: 8001234567`);
    const count = countSegments(preview.body);
    expect(count.encoding).toBe('UCS-2');
    expect(count.segments).toBe(Math.ceil(preview.body.length / 67));
  });

  it('preview an edited text, not the default', () => {
    const preview = previewTemplate('complaint_received', 'en', { subject: null, body: 'Got it: {ref}\nSupport: {support}' }, { ref: 'CMP-2026-000001', support: null });
    expect(preview.body).toBe('Got it: CMP-2026-000001');
    expect(countSegments(preview.body).encoding).toBe('GSM-7');
  });

  it('English complainant SMS stay GSM-7, Arabic ones are UCS-2', () => {
    for (const def of TEMPLATE_DEFS.filter((d) => d.channel === 'sms')) {
      const en = previewTemplate(def.name, 'en', defaultTemplate(def.name, 'en'), sampleValues('en'));
      const ar = previewTemplate(def.name, 'ar', defaultTemplate(def.name, 'ar'), sampleValues('ar'));
      expect(countSegments(en.body).encoding, def.name).toBe('GSM-7');
      expect(countSegments(ar.body).encoding, def.name).toBe('UCS-2');
    }
  });
});

describe('checking a template for saving', () => {
  const received = templateDef('complaint_received', 'sms')!;
  const assigned = templateDef('staff_assigned', 'email')!;

  it('knows each template on its own channel only', () => {
    expect(received.variables).toContain('link');
    expect(templateDef('complaint_received', 'email')).toBeNull();
    expect(templateDef('nope', 'sms')).toBeNull();
  });

  it('allows the summary in the resolution SMS only', () => {
    expect(checkTemplateText(templateDef('complaint_resolved', 'sms')!, { body: 'Summary: {summary}' })).toEqual({});
    expect(checkTemplateText(received, { body: 'Summary: {summary}' })).toEqual({ body: { code: 'unknown_variable', variable: 'summary', index: 9 } });
  });

  it('puts each problem on its field: body and e-mail subject', () => {
    expect(checkTemplateText(assigned, { subject: 'For {nobody}', body: '{ref' })).toEqual({
      subject: { code: 'unknown_variable', variable: 'nobody', index: 4 },
      body: { code: 'unclosed_brace', index: 0 },
    });
    expect(checkTemplateText(assigned, { subject: null, body: 'Ref {ref}' })).toEqual({ subject: { code: 'required' } });
  });

  it('ignores a subject sent with an SMS', () => {
    expect(checkTemplateText(received, { subject: '{junk', body: 'Ref {ref}' })).toEqual({});
  });
});
