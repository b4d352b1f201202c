import { trackingUrl } from '../../shared/ids.ts';
import type { TemplateValues } from '../../shared/notifications/templates-syntax.ts';
import { renderBilingual, renderMessage, type MessageText } from '../../shared/notifications/texts.ts';
import type { Language } from '../../shared/enums.ts';
import type { ClaimedMessage } from './store.ts';
import { surveyUrl } from '../public/links.ts';

/**
 * The text of a message at the moment it is sent: what the cause fixed (stored with the row) plus
 * what the server's configuration says (ORG_NAME, SUPPORT_PHONE, BASE_URL for links).
 */
export type RenderConfig = { baseUrl: string; orgName: string; supportPhone: string | null };

/**
 * An admin's text for a template in one language, or null for the default. The template editor
 * (message_templates) plugs in here; until then every message uses the default texts.
 */
export type OverrideLookup = (hospitalId: string, template: ClaimedMessage['template'], language: Language) => Promise<MessageText | null>;
export const noOverrides: OverrideLookup = async () => null;

export const DUE_TIME_ZONE = 'Asia/Riyadh';

/** "2026-11-23 10:00" in Riyadh time: the same digits in both languages. */
export function formatDue(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DUE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function valuesFor(m: ClaimedMessage, config: RenderConfig): TemplateValues {
  const v = m.variables;
  const doc = m.complaint;
  const base = config.baseUrl.replace(/\/+$/, '');
  const token = typeof v.token === 'string' ? v.token : null;
  const link =
    m.template === 'staff_explanation_request'
      ? token === null
        ? null
        : `${base}/explanations/${token}`
      : doc === null
        ? null
        : trackingUrl(base, doc.referenceNumber, doc.trackingSecret);
  return {
    ...v,
    org: config.orgName,
    support: config.supportPhone,
    link,
    // The satisfaction survey of the closure SMS; the same secret opens it.
    survey: doc === null ? null : surveyUrl(base, doc.referenceNumber, doc.trackingSecret),
    ref: doc?.referenceNumber ?? v.ref ?? null,
    title: doc?.title ?? v.title ?? null,
    due: typeof v.due === 'number' ? formatDue(v.due) : null,
  };
}

export async function renderFor(m: ClaimedMessage, config: RenderConfig, overrides: OverrideLookup = noOverrides): Promise<MessageText> {
  const values = valuesFor(m, config);
  if (m.language === 'ar+en') {
    const [ar, en] = await Promise.all([overrides(m.hospitalId, m.template, 'ar'), overrides(m.hospitalId, m.template, 'en')]);
    return renderBilingual(m.template, values, { ...(ar ? { ar } : {}), ...(en ? { en } : {}) });
  }
  return renderMessage(m.template, m.language, values, await overrides(m.hospitalId, m.template, m.language));
}
