import type { Language } from '../../shared/enums.ts';
import type { Config } from '../config.ts';
import { renderSurveyInvalid } from './survey-page.ts';
import { renderCodeForm, renderLimited, renderTrackingForm, type PageContext } from './tracking-page.ts';

/**
 * The complainant pages that never change for a server: rendered once, kept as bytes. They are
 * also the answers that must be the same for every reference, which rendering once guarantees.
 */
export type StaticPages = Record<
  'form' | 'phoneError' | 'codeSent' | 'codeWrong' | 'limited' | 'surveyInvalid',
  Record<Language, Buffer>
>;

export function pageContext(config: Pick<Config, 'orgName' | 'supportPhone'>): PageContext {
  return { orgName: config.orgName, supportPhone: config.supportPhone };
}

function both(render: (lang: Language) => string): Record<Language, Buffer> {
  return { ar: Buffer.from(render('ar')), en: Buffer.from(render('en')) };
}

export function staticPages(ctx: PageContext): StaticPages {
  return {
    form: both((l) => renderTrackingForm(l, ctx)),
    phoneError: both((l) => renderTrackingForm(l, ctx, true)),
    codeSent: both((l) => renderCodeForm(l, ctx)),
    codeWrong: both((l) => renderCodeForm(l, ctx, true)),
    limited: both((l) => renderLimited(l, ctx)),
    surveyInvalid: both((l) => renderSurveyInvalid(l, ctx)),
  };
}
