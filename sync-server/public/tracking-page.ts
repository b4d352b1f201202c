import { COMPLAINT_STATUSES, type ComplaintStatus, type Language } from '../../shared/enums.ts';
import { isActive } from '../../shared/workflow.ts';
import { publicDates, PUBLIC_TIME_ZONE } from './dates.ts';
import { TRACKING_STRINGS, type TrackingStrings } from './i18n.ts';
import { pageLink, surveyPath } from './links.ts';
import { escapeHtml, renderShell } from './shell.ts';
import { PUBLIC_CSS, PUBLIC_HEADERS, PUBLIC_STYLE_HASH } from './style.ts';
import type { PublicComplaint, PublicEvent } from './tracking-data.ts';

export { escapeHtml, languageOf } from './shell.ts';

/**
 * The public tracking page (brief §4) and its verification pages, rendered on the server as plain
 * HTML: no JavaScript at all, one inline style allowed by its hash (a nonce would make every
 * answer different, and the pages shown without the secret must be byte-identical whether or not
 * the reference exists — which is also why they never contain the reference). Everything from
 * the database is escaped. The page never shows names, phone numbers, the description or internal
 * notes: it only ever receives what tracking-data.ts reads.
 */
export const TRACKING_TIME_ZONE = PUBLIC_TIME_ZONE;
export const STYLE_HASH = PUBLIC_STYLE_HASH;
export const TRACKING_HEADERS = PUBLIC_HEADERS;

/** What every complainant page shows from the server's configuration. */
export type PageContext = { orgName: string; supportPhone: string | null };
export const DEFAULT_CONTEXT: PageContext = { orgName: 'SHCT', supportPhone: null };

const other = (lang: Language): Language => (lang === 'ar' ? 'en' : 'ar');

function footer(t: TrackingStrings, ctx: PageContext, extra = ''): string {
  const support = ctx.supportPhone ? `<p>${escapeHtml(t.support(ctx.supportPhone))}</p>` : '';
  return extra || support ? `<footer>${extra}${support}</footer>` : '';
}

export function page(lang: Language, ctx: PageContext, title: string, switchHref: string, body: string): string {
  const t = TRACKING_STRINGS[lang];
  return renderShell({
    lang,
    dir: t.dir,
    title: `${title} - ${ctx.orgName}`,
    css: PUBLIC_CSS,
    switchLink: { href: switchHref, label: t.switchLanguage },
    body: `<p class="org">${escapeHtml(ctx.orgName)}</p>${body}`,
  });
}

/** The link to this page in the other language, keeping nothing else of the address. */
const plainSwitch = (lang: Language) => `?lang=${other(lang)}`;

function secretForm(t: TrackingStrings, lang: Language): string {
  return [
    '<div class="card">',
    `<p id="s-intro">${escapeHtml(t.formIntro)}</p>`,
    // No action: a GET form goes to this same address with the code as `s`.
    '<form method="get">',
    `<label for="s">${escapeHtml(t.formLabel)}</label>`,
    '<input id="s" name="s" type="text" required autocomplete="off" autocapitalize="off" spellcheck="false" dir="ltr" maxlength="64" aria-describedby="s-intro">',
    lang === 'en' ? '<input type="hidden" name="lang" value="en">' : '',
    `<button type="submit">${escapeHtml(t.formSubmit)}</button>`,
    '</form></div>',
  ].join('');
}

function phoneForm(t: TrackingStrings, phoneError: boolean): string {
  const describedBy = phoneError ? 'phone-hint phone-error' : 'phone-hint';
  return [
    '<div class="card">',
    `<p>${escapeHtml(t.phoneIntro)}</p>`,
    // No action: POSTs to this same address (with its ?lang), which answers the same for every reference.
    '<form method="post">',
    '<input type="hidden" name="step" value="phone">',
    `<label for="phone">${escapeHtml(t.phoneLabel)}</label>`,
    `<input id="phone" name="phone" type="tel" required autocomplete="tel" inputmode="tel" dir="ltr" maxlength="25" aria-describedby="${describedBy}"${phoneError ? ' aria-invalid="true"' : ''}>`,
    `<p id="phone-hint" class="muted">${escapeHtml(t.phoneHint)}</p>`,
    phoneError ? `<p id="phone-error" class="error" role="alert">${escapeHtml(t.phoneInvalid)}</p>` : '',
    `<button type="submit">${escapeHtml(t.phoneSubmit)}</button>`,
    '</form></div>',
  ].join('');
}

/**
 * The only page anyone gets without the right tracking code: a form for the code, and one for
 * the phone number (which sends a one-time code). The same bytes for every reference.
 */
export function renderTrackingForm(lang: Language, ctx: PageContext = DEFAULT_CONTEXT, phoneError = false): string {
  const t = TRACKING_STRINGS[lang];
  const body = [
    `<h1>${escapeHtml(t.title)}</h1>`,
    secretForm(t, lang),
    `<p class="or">${escapeHtml(t.or)}</p>`,
    phoneForm(t, phoneError),
    footer(t, ctx),
  ].join('');
  return page(lang, ctx, t.title, plainSwitch(lang), body);
}

/**
 * After a phone number was given: "if it matches, we sent a code" (always, whether or not it
 * matched or the reference exists) and the form for the code; `wrong` after a code that did not
 * open the page.
 */
export function renderCodeForm(lang: Language, ctx: PageContext = DEFAULT_CONTEXT, wrong = false): string {
  const t = TRACKING_STRINGS[lang];
  const describedBy = wrong ? 'code-hint code-error' : 'code-hint';
  const body = [
    `<h1>${escapeHtml(t.codeTitle)}</h1>`,
    `<div class="card notice"><p role="status">${escapeHtml(t.codeSent)}</p></div>`,
    '<div class="card">',
    '<form method="post">',
    '<input type="hidden" name="step" value="code">',
    `<label for="code">${escapeHtml(t.codeLabel)}</label>`,
    `<input id="code" name="code" type="text" required inputmode="numeric" autocomplete="one-time-code" pattern="[0-9٠-٩]{6}" maxlength="6" dir="ltr" aria-describedby="${describedBy}"${wrong ? ' aria-invalid="true"' : ''}>`,
    `<p id="code-hint" class="muted">${escapeHtml(t.codeHint)}</p>`,
    wrong ? `<p id="code-error" class="error" role="alert">${escapeHtml(t.codeWrong)}</p>` : '',
    `<button type="submit">${escapeHtml(t.codeSubmit)}</button>`,
    '</form>',
    `<p><a href="?lang=${lang}">${escapeHtml(t.codeAgain)}</a></p>`,
    '</div>',
    footer(t, ctx),
  ].join('');
  return page(lang, ctx, t.codeTitle, plainSwitch(lang), body);
}

/** The answer to too many attempts (429): the same for every reference and address. */
export function renderLimited(lang: Language, ctx: PageContext = DEFAULT_CONTEXT): string {
  const t = TRACKING_STRINGS[lang];
  const body = [`<h1>${escapeHtml(t.limitedTitle)}</h1>`, `<div class="card"><p>${escapeHtml(t.limitedText)}</p></div>`, footer(t, ctx)].join('');
  return page(lang, ctx, t.limitedTitle, plainSwitch(lang), body);
}

export type PublicItem =
  | { kind: 'created'; at: number }
  | { kind: 'status'; at: number; status: ComplaintStatus }
  | { kind: 'reply'; at: number; text: string }
  | { kind: 'sent'; at: number; channel: 'sms' | 'email' | 'other' }
  | { kind: 'survey'; at: number };

const STATUSES = new Set<string>(COMPLAINT_STATUSES);

/**
 * What of the timeline a complainant may see: never who did it, never internal notes. A message
 * shows only as "we sent you an SMS" — never its number, text or template — and only once it
 * reached the complainant's provider (the outbox marks those `shownToComplainant`).
 */
export function publicTimeline(events: readonly PublicEvent[]): PublicItem[] {
  const items: PublicItem[] = [];
  for (const e of events) {
    if (e.type === 'created') items.push({ kind: 'created', at: e.at });
    else if (e.type === 'status_changed' && e.to !== null && STATUSES.has(e.to)) {
      items.push({ kind: 'status', at: e.at, status: e.to as ComplaintStatus });
    } else if (e.type === 'reply' && e.visibility === 'public' && e.comment?.trim()) {
      items.push({ kind: 'reply', at: e.at, text: e.comment.trim() });
    } else if (e.type === 'communication' && e.data.status !== 'failed' && e.data.shownToComplainant !== false) {
      const channel = e.data.channel === 'sms' || e.data.channel === 'email' ? e.data.channel : 'other';
      items.push({ kind: 'sent', at: e.at, channel });
    } else if (e.type === 'survey_received') items.push({ kind: 'survey', at: e.at });
  }
  return items.sort((a, b) => a.at - b.at);
}

/**
 * The survey of a closed complaint: one per closure (the closing event's id names it, which is
 * what `recordSurveyResponse` keys the answer on). Null when the complaint is not closed.
 */
export function surveyOf(complaint: Pick<PublicComplaint, 'status'>, events: readonly PublicEvent[]): { surveyId: string | undefined; answered: boolean } | null {
  if (complaint.status !== 'CLOSED') return null;
  let closure: PublicEvent | undefined;
  for (const e of events) if (e.type === 'status_changed' && e.to === 'CLOSED') closure = e;
  const surveyId = closure?.id;
  const answered = events.some((e) => e.type === 'survey_received' && (e.data.surveyId ?? null) === (surveyId ?? null));
  return { surveyId, answered };
}

function itemText(item: PublicItem, t: TrackingStrings): string {
  switch (item.kind) {
    case 'created':
      return `<p>${escapeHtml(t.eventCreated)}</p>`;
    case 'status':
      return `<p>${escapeHtml(t.eventStatus(t.statuses[item.status]))}</p>`;
    case 'reply':
      return `<p>${escapeHtml(t.eventReply)}</p><p dir="auto">${escapeHtml(item.text)}</p>`;
    case 'sent':
      return `<p>${escapeHtml(item.channel === 'sms' ? t.eventSms : item.channel === 'email' ? t.eventEmail : t.eventMessage)}</p>`;
    case 'survey':
      return `<p>${escapeHtml(t.eventSurvey)}</p>`;
  }
}

export type TrackingView = {
  complaint: Pick<PublicComplaint, 'referenceNumber' | 'status' | 'dueAt' | 'resolution' | 'trackingSecret'>;
  hospital: { nameAr: string; nameEn: string } | null;
  events: readonly PublicEvent[];
};

const time = (ms: number, text: string) => `<time datetime="${new Date(ms).toISOString()}">${escapeHtml(text)}</time>`;

export function renderTrackingDetail(view: TrackingView, lang: Language, ctx: PageContext = DEFAULT_CONTEXT, timeZone = TRACKING_TIME_ZONE): string {
  const t = TRACKING_STRINGS[lang];
  const dates = publicDates(lang, timeZone);
  const { complaint } = view;
  const hospitalName = view.hospital ? (lang === 'ar' ? view.hospital.nameAr : view.hospital.nameEn) || view.hospital.nameEn || view.hospital.nameAr : '';
  const parts = [
    `<h1>${escapeHtml(t.title)}</h1>`,
    '<div class="card">',
    hospitalName ? `<p class="muted">${escapeHtml(t.hospital)}: ${escapeHtml(hospitalName)}</p>` : '',
    `<p>${escapeHtml(t.reference)}: <bdi dir="ltr">${escapeHtml(complaint.referenceNumber)}</bdi></p>`,
    `<h2 class="muted">${escapeHtml(t.status)}</h2>`,
    `<p class="status" data-status="${complaint.status}">${escapeHtml(t.statuses[complaint.status])}</p>`,
    `<p>${escapeHtml(t.explanations[complaint.status])}</p>`,
    isActive(complaint.status) && complaint.dueAt !== null ? `<p class="aim">${escapeHtml(t.aimBy)}${time(complaint.dueAt, dates.full(complaint.dueAt))}</p>` : '',
    '</div>',
  ];
  if ((complaint.status === 'RESOLVED' || complaint.status === 'CLOSED') && complaint.resolution?.trim()) {
    parts.push(`<div class="card"><h2>${escapeHtml(t.resolution)}</h2><p dir="auto">${escapeHtml(complaint.resolution.trim())}</p></div>`);
  }
  const survey = surveyOf(complaint, view.events);
  if (survey && !survey.answered) {
    const href = pageLink(surveyPath(complaint.referenceNumber), complaint.trackingSecret, lang);
    parts.push(`<div class="card noprint"><p>${escapeHtml(t.surveyInvite)}</p><p><a href="${escapeHtml(href)}">${escapeHtml(t.surveyLink)}</a></p></div>`);
  }
  const items = publicTimeline(view.events);
  if (items.length > 0) {
    parts.push(`<div class="card"><h2>${escapeHtml(t.timeline)}</h2><ol>`);
    for (const item of items) parts.push(`<li><p class="muted">${time(item.at, dates.full(item.at))}</p>${itemText(item, t)}</li>`);
    parts.push('</ol></div>');
  }
  parts.push(footer(t, ctx, `<p class="noprint">${escapeHtml(t.keepPrivate)}</p>`));
  const switchHref = `?s=${encodeURIComponent(complaint.trackingSecret)}&lang=${other(lang)}`;
  return page(lang, ctx, `${t.title} ${complaint.referenceNumber}`, switchHref, parts.join(''));
}
