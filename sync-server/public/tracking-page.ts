import type { ComplaintDoc, HospitalDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus, type Language } from '../../shared/enums.ts';
import { isActive } from '../../shared/workflow.ts';
import { TRACKING_STRINGS, type TrackingStrings } from './i18n.ts';
import { escapeHtml, publicPageHeaders, renderShell, styleHash } from './shell.ts';

export { escapeHtml, languageOf } from './shell.ts';

/**
 * The public tracking page (brief §4), rendered on the server as plain HTML: no JavaScript, one
 * inline style allowed by its hash (a nonce would make every answer different, and the form page
 * must be byte-identical whether or not the reference exists). Everything from the database is
 * escaped. It never shows names, phone numbers, the description or internal notes.
 */
export const TRACKING_TIME_ZONE = 'Asia/Riyadh';

const CSS = [
  '*{box-sizing:border-box}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Tahoma,sans-serif;background:#f4f6f8;color:#1c2833;line-height:1.6}',
  'main{max-width:34rem;margin:0 auto;padding:1rem}',
  'h1{font-size:1.35rem;margin:.5rem 0 1rem}',
  'h2{font-size:1.05rem;margin:1.25rem 0 .5rem}',
  '.card{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:1rem}',
  '.muted{color:#566573;font-size:.9rem}',
  '.status{font-size:1.15rem;font-weight:600;color:#0b5345}',
  'label{display:block;font-weight:600;margin-bottom:.35rem}',
  'input{width:100%;font-size:1.1rem;padding:.65rem;border:1px solid #aab7b8;border-radius:.5rem}',
  'button{margin-top:.75rem;width:100%;font-size:1.05rem;padding:.7rem;border:0;border-radius:.5rem;background:#0b5345;color:#fff}',
  'ol{list-style:none;margin:0;padding:0}',
  'li{padding:.5rem 0;border-bottom:1px solid #eaecee}',
  'li:last-child{border-bottom:0}',
  '.lang{display:block;text-align:end;margin-bottom:.5rem}',
  'p{margin:.25rem 0;overflow-wrap:anywhere}',
].join('');

export const STYLE_HASH = styleHash(CSS);
export const TRACKING_HEADERS = publicPageHeaders(CSS);

function page(lang: Language, title: string, switchHref: string, body: string): string {
  const t = TRACKING_STRINGS[lang];
  return renderShell({ lang, dir: t.dir, title, css: CSS, switchLink: { href: switchHref, label: t.switchLanguage }, body });
}

/** The only page anyone gets without the right tracking code: the same bytes for every reference. */
export function renderTrackingForm(lang: Language): string {
  const t = TRACKING_STRINGS[lang];
  const other: Language = lang === 'ar' ? 'en' : 'ar';
  const body = [
    `<h1>${escapeHtml(t.title)}</h1>`,
    '<div class="card">',
    `<p>${escapeHtml(t.formIntro)}</p>`,
    // No action: the form submits to this same address, with the code as `s`.
    '<form method="get">',
    `<label for="s">${escapeHtml(t.formLabel)}</label>`,
    '<input id="s" name="s" type="text" required autocomplete="off" autocapitalize="off" spellcheck="false" dir="ltr" maxlength="64">',
    lang === 'en' ? '<input type="hidden" name="lang" value="en">' : '',
    `<button type="submit">${escapeHtml(t.formSubmit)}</button>`,
    '</form></div>',
  ].join('');
  return page(lang, t.title, `?lang=${other}`, body);
}

export type PublicItem =
  | { kind: 'created'; at: number }
  | { kind: 'status'; at: number; status: ComplaintStatus }
  | { kind: 'reply'; at: number; text: string }
  | { kind: 'sent'; at: number; channel: 'sms' | 'email' | 'other' };

const STATUSES = new Set<string>(COMPLAINT_STATUSES);

/** What of the timeline a complainant may see: never who did it, never internal notes. */
export function publicTimeline(events: readonly TimelineEventDoc[]): PublicItem[] {
  const items: PublicItem[] = [];
  for (const e of events) {
    if (e.type === 'created') items.push({ kind: 'created', at: e.at });
    else if (e.type === 'status_changed' && e.to !== null && STATUSES.has(e.to)) {
      items.push({ kind: 'status', at: e.at, status: e.to as ComplaintStatus });
    } else if (e.type === 'reply' && e.visibility === 'public' && e.comment?.trim()) {
      items.push({ kind: 'reply', at: e.at, text: e.comment.trim() });
    } else if (e.type === 'communication' && e.data.status !== 'failed') {
      const channel = e.data.channel === 'sms' || e.data.channel === 'email' ? e.data.channel : 'other';
      items.push({ kind: 'sent', at: e.at, channel });
    }
  }
  return items.sort((a, b) => a.at - b.at);
}

function itemText(item: PublicItem, t: TrackingStrings): string {
  switch (item.kind) {
    case 'created':
      return `<p>${escapeHtml(t.eventCreated)}</p>`;
    case 'status':
      return `<p>${escapeHtml(t.eventStatus(t.statuses[item.status]))}</p>`;
    case 'reply':
      return `<p>${escapeHtml(t.eventReply)}</p><p>${escapeHtml(item.text)}</p>`;
    case 'sent':
      return `<p>${escapeHtml(item.channel === 'sms' ? t.eventSms : item.channel === 'email' ? t.eventEmail : t.eventMessage)}</p>`;
  }
}

export type TrackingView = {
  complaint: Pick<ComplaintDoc, 'referenceNumber' | 'status' | 'dueAt' | 'resolution' | 'trackingSecret'>;
  hospital: Pick<HospitalDoc, 'nameAr' | 'nameEn'> | null;
  events: readonly TimelineEventDoc[];
};

export function renderTrackingDetail(view: TrackingView, lang: Language, timeZone = TRACKING_TIME_ZONE): string {
  const t = TRACKING_STRINGS[lang];
  const other: Language = lang === 'ar' ? 'en' : 'ar';
  const { complaint } = view;
  const formatDate = (ms: number) =>
    new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(ms));
  const hospitalName = view.hospital ? (lang === 'ar' ? view.hospital.nameAr : view.hospital.nameEn) || view.hospital.nameEn : '';
  const parts = [
    `<h1>${escapeHtml(t.title)}</h1>`,
    '<div class="card">',
    hospitalName ? `<p class="muted">${escapeHtml(hospitalName)}</p>` : '',
    `<p>${escapeHtml(t.reference)}: <bdi dir="ltr">${escapeHtml(complaint.referenceNumber)}</bdi></p>`,
    `<p class="muted">${escapeHtml(t.status)}</p>`,
    `<p class="status">${escapeHtml(t.statuses[complaint.status])}</p>`,
    isActive(complaint.status) && complaint.dueAt !== null ? `<p>${escapeHtml(t.aimBy(formatDate(complaint.dueAt)))}</p>` : '',
    '</div>',
  ];
  if ((complaint.status === 'RESOLVED' || complaint.status === 'CLOSED') && complaint.resolution?.trim()) {
    parts.push(`<div class="card"><h2>${escapeHtml(t.resolution)}</h2><p>${escapeHtml(complaint.resolution.trim())}</p></div>`);
  }
  const items = publicTimeline(view.events);
  if (items.length > 0) {
    parts.push(`<div class="card"><h2>${escapeHtml(t.timeline)}</h2><ol>`);
    for (const item of items) {
      parts.push(`<li><p class="muted">${escapeHtml(formatDate(item.at))}</p>${itemText(item, t)}</li>`);
    }
    parts.push('</ol></div>');
  }
  const switchHref = `?s=${encodeURIComponent(complaint.trackingSecret)}&lang=${other}`;
  return page(lang, `${t.title} ${complaint.referenceNumber}`, switchHref, parts.join(''));
}
