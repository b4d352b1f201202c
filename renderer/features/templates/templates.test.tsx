import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/enums.ts';
import { TEMPLATE_DEFS, defaultTemplate, type TemplateEntry } from '../../../shared/notifications/templates.ts';
import { hrefFor, parseRoute } from '../../app/router.ts';
import { createI18n } from '../../i18n/index.ts';
import { HttpError, OfflineError } from '../../sync/http.ts';
import { saveErrorOf } from './api.ts';
import { editorView, problemMessage, textOf } from './model.ts';
import { TemplatesNavLink } from './NavLink.tsx';

function entry(template: TemplateEntry['template'], language: 'ar' | 'en'): TemplateEntry {
  const def = TEMPLATE_DEFS.find((d) => d.name === template)!;
  return { template, channel: def.channel, language, variables: def.variables, default: defaultTemplate(template, language), override: null };
}

describe('template editor', () => {
  it('previews the Arabic confirmation with sample values and prices it as UCS-2', () => {
    const e = entry('complaint_received', 'ar');
    const view = editorView(e, textOf(e));
    expect(view.problems).toEqual({});
    expect(view.preview.body.split('\n')[0]).toBe('استلام شكوى SHCT');
    expect(view.count).toMatchObject({ encoding: 'UCS-2', segments: Math.ceil(view.preview.body.length / 67) });
  });

  it('shows the count change as the text changes: short Arabic fits one SMS, Latin text is GSM-7', () => {
    const e = entry('complaint_received', 'ar');
    expect(editorView(e, { subject: null, body: 'تم استلام شكواكم {ref}' }).count).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(editorView(e, { subject: null, body: 'Received {ref}' }).count).toMatchObject({ encoding: 'GSM-7', segments: 1, characters: 24 });
  });

  it('flags an unknown variable at the body, translated, naming the variable and what is allowed', async () => {
    const e = entry('complaint_received', 'ar');
    const view = editorView(e, { subject: null, body: 'شكوى {ref} {phone}' });
    expect(view.problems.body).toEqual({ code: 'unknown_variable', variable: 'phone', index: 11 });
    const en = await createI18n('en');
    const ar = await createI18n('ar');
    expect(problemMessage(en.t, view.problems.body!, e.variables)).toBe('Unknown variable {phone}. This message can use: {org} {ref} {link} {support}');
    expect(problemMessage(ar.t, view.problems.body!, e.variables)).toContain('متغير غير معروف {phone}');
    expect(problemMessage(en.t, { code: 'unclosed_brace', index: 4 }, e.variables)).toBe('The { at character 5 is never closed.');
  });

  it('keeps an unknown variable visible in the preview instead of dropping its line', () => {
    const e = entry('complaint_received', 'en');
    const view = editorView(e, { subject: null, body: 'Ref {ref}, call {phone}\nSupport: {support}' });
    expect(view.preview.body).toBe('Ref CMP-2026-000123, call {phone}\nSupport: 8001234567');
  });

  it('checks an e-mail’s subject too, and has no SMS count for it', () => {
    const e = entry('staff_assigned', 'en');
    const view = editorView(e, { subject: 'For {nobody}', body: 'Hello {name}' });
    expect(view.problems).toEqual({ subject: { code: 'unknown_variable', variable: 'nobody', index: 4 } });
    expect(view.count).toBeNull();
  });

  it('edits the hospital’s own text when it has one', () => {
    const e = { ...entry('complaint_closed', 'en'), override: { subject: null, body: 'Closed {ref}', updatedBy: 'u', updatedAt: 1 } };
    expect(textOf(e)).toEqual({ subject: null, body: 'Closed {ref}' });
  });
});

describe('saving a template', () => {
  it('turns the server’s 422 into field problems, and other failures into a reason', () => {
    const refused = new HttpError(422, { error: 'validation_failed', fields: { body: 'unknown_variable' }, problems: { body: { code: 'unknown_variable', variable: 'x', index: 0 }, junk: 1 } });
    expect(saveErrorOf(refused)).toEqual({ code: 'invalid', problems: { body: { code: 'unknown_variable', variable: 'x', index: 0 } } });
    expect(saveErrorOf(new HttpError(403, {})).code).toBe('forbidden');
    expect(saveErrorOf(new HttpError(401, {})).code).toBe('signed_out');
    expect(saveErrorOf(new OfflineError(new Error('x'))).code).toBe('offline');
    expect(saveErrorOf(new HttpError(500, 'boom')).code).toBe('server');
  });
});

describe('templates navigation', () => {
  async function render(role: Role, userHospital: string | null, lang: 'ar' | 'en' = 'en') {
    const i18n = await createI18n(lang);
    return renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <TemplatesNavLink user={{ role, hospitalId: userHospital }} hospitalId="h1" active={false} />
      </I18nextProvider>,
    );
  }

  it('shows the link to admins, PX admins and hospital admins of the hospital only', async () => {
    for (const role of ROLES) {
      const shown = (await render(role, 'h1')).includes('data-testid="nav-templates"');
      expect(shown, role).toBe(role === 'admin' || role === 'px_admin' || role === 'hospital_admin');
    }
    expect(await render('hospital_admin', 'h2')).toBe('');
    expect(await render('admin', null, 'ar')).toContain('قوالب الرسائل');
  });

  it('has its own route', () => {
    expect(parseRoute(hrefFor.templates)).toEqual({ name: 'templates' });
  });
});

describe('template names', () => {
  it('are translated for every template in both languages', async () => {
    for (const lang of ['ar', 'en'] as const) {
      const i18n = await createI18n(lang);
      for (const d of TEMPLATE_DEFS) {
        expect(i18n.exists(`templates.name.${d.name}`), `${lang} ${d.name}`).toBe(true);
        for (const v of d.variables) expect(i18n.exists(`templates.variable.${v}`), `${lang} {${v}}`).toBe(true);
      }
    }
  });
});
