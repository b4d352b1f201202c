import type { Language } from '../../shared/enums.ts';
import { SURVEY_STRINGS } from './i18n.ts';
import { pageLink, trackingPath } from './links.ts';
import { escapeHtml } from './shell.ts';
import { page, type PageContext } from './tracking-page.ts';

/**
 * The satisfaction survey page (issue 5): a 1–5 score and an optional comment, for a closed
 * complaint, opened by the tracking secret; one answer per closure. Plain HTML, no JavaScript:
 * a fieldset of radio buttons with a legend, labels for every control, errors announced
 * (role=alert) and tied to their control (aria-describedby, aria-invalid).
 */
export const MAX_SURVEY_COMMENT = 2_000;
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export type SurveyFormState = {
  reference: string;
  secret: string;
  score: Score | null;
  comment: string;
  errors: { score?: boolean; comment?: boolean };
};

function switchHref(secret: string, lang: Language): string {
  return `?s=${encodeURIComponent(secret)}&lang=${lang === 'ar' ? 'en' : 'ar'}`;
}

export function renderSurveyForm(state: SurveyFormState, lang: Language, ctx: PageContext): string {
  const t = SURVEY_STRINGS[lang];
  const { errors } = state;
  const choices = SCORES.map((n) => {
    const id = `score-${n}`;
    const checked = state.score === n ? ' checked' : '';
    return `<div class="choice"><input type="radio" id="${id}" name="score" value="${n}" required${checked}><label for="${id}">${escapeHtml(t.scores[n])}</label></div>`;
  }).join('');
  const commentDescribed = errors.comment ? 'comment-hint comment-error' : 'comment-hint';
  const body = [
    `<h1>${escapeHtml(t.title)}</h1>`,
    '<div class="card">',
    `<p>${escapeHtml(t.intro)}</p>`,
    `<p class="muted">${escapeHtml(t.reference)}: <bdi dir="ltr">${escapeHtml(state.reference)}</bdi></p>`,
    '</div>',
    '<div class="card">',
    // No action: posts to this address, whose `s` is the key.
    '<form method="post">',
    `<fieldset${errors.score ? ' aria-describedby="score-error"' : ''}>`,
    `<legend>${escapeHtml(t.scoreLegend)}</legend>`,
    errors.score ? `<p id="score-error" class="error" role="alert">${escapeHtml(t.scoreMissing)}</p>` : '',
    choices,
    '</fieldset>',
    `<label for="comment">${escapeHtml(t.commentLabel)}</label>`,
    `<textarea id="comment" name="comment" maxlength="${MAX_SURVEY_COMMENT}" dir="auto" aria-describedby="${commentDescribed}"${errors.comment ? ' aria-invalid="true"' : ''}>${escapeHtml(state.comment)}</textarea>`,
    `<p id="comment-hint" class="muted">${escapeHtml(t.commentHint)}</p>`,
    errors.comment ? `<p id="comment-error" class="error" role="alert">${escapeHtml(t.commentTooLong)}</p>` : '',
    `<button type="submit">${escapeHtml(t.submit)}</button>`,
    '</form></div>',
  ].join('');
  return page(lang, ctx, t.title, switchHref(state.secret, lang), body);
}

export type SurveyMessageKind = 'thanks' | 'done' | 'not_yet';

/** Thanks, "already answered" and "not open yet": each with the way back to the tracking page. */
export function renderSurveyMessage(kind: SurveyMessageKind, view: { reference: string; secret: string }, lang: Language, ctx: PageContext): string {
  const t = SURVEY_STRINGS[lang];
  const [title, text] = kind === 'thanks' ? [t.thanksTitle, t.thanksText] : kind === 'done' ? [t.doneTitle, t.doneText] : [t.notYetTitle, t.notYetText];
  const track = pageLink(trackingPath(view.reference), view.secret, lang);
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<div class="card notice"><p role="status">${escapeHtml(text)}</p>`,
    `<p><a href="${escapeHtml(track)}">${escapeHtml(t.trackLink)}</a></p></div>`,
  ].join('');
  return page(lang, ctx, title, switchHref(view.secret, lang), body);
}

/** No complaint for this link (unknown reference, wrong or missing secret): the same bytes for all. */
export function renderSurveyInvalid(lang: Language, ctx: PageContext): string {
  const t = SURVEY_STRINGS[lang];
  const body = [`<h1>${escapeHtml(t.invalidTitle)}</h1>`, `<div class="card"><p>${escapeHtml(t.invalidText)}</p></div>`].join('');
  return page(lang, ctx, t.invalidTitle, `?lang=${lang === 'ar' ? 'en' : 'ar'}`, body);
}

/** Reads the posted score: an integer 1–5, or null. */
export function parseScore(raw: unknown): Score | null {
  const n = typeof raw === 'string' && /^[1-5]$/.test(raw.trim()) ? Number(raw.trim()) : null;
  return n === null ? null : (n as Score);
}

