import type { Language } from '../../shared/enums.ts';
import { escapeHtml, publicPageHeaders, renderShell } from '../public/shell.ts';

/**
 * The staff member's explanation page (no login: the link's token is the key). Plain HTML, no
 * JavaScript, one inline style allowed by its hash; the "no longer valid" page is the same bytes
 * for an unknown, used or expired token, so it reveals nothing.
 */
type Strings = {
  dir: 'rtl' | 'ltr';
  title: string;
  intro: string;
  reference: string;
  subject: string;
  message: string;
  label: string;
  submit: string;
  required: string;
  thanks: string;
  thanksText: string;
  invalid: string;
  invalidText: string;
  switchLanguage: string;
};

const STRINGS: Record<Language, Strings> = {
  ar: {
    dir: 'rtl',
    title: 'طلب إفادة',
    intro: 'طُلب منك تقديم إفادة بخصوص الشكوى التالية. تُستخدم إفادتك داخلياً فقط.',
    reference: 'رقم الشكوى',
    subject: 'الموضوع',
    message: 'ملاحظة من إدارة تجربة المريض',
    label: 'إفادتك',
    submit: 'إرسال الإفادة',
    required: 'يرجى كتابة الإفادة قبل الإرسال.',
    thanks: 'شكراً لك',
    thanksText: 'تم استلام إفادتك وإضافتها إلى ملف الشكوى.',
    invalid: 'الرابط لم يعد صالحاً',
    invalidText: 'هذا الرابط غير صالح أو انتهت صلاحيته أو سبق استخدامه.',
    switchLanguage: 'English',
  },
  en: {
    dir: 'ltr',
    title: 'Explanation request',
    intro: 'You have been asked for an explanation about the complaint below. Your answer is kept internal.',
    reference: 'Complaint number',
    subject: 'Subject',
    message: 'Note from Patient Experience',
    label: 'Your explanation',
    submit: 'Send explanation',
    required: 'Please write your explanation before sending.',
    thanks: 'Thank you',
    thanksText: 'Your explanation has been received and added to the complaint file.',
    invalid: 'This link is no longer valid',
    invalidText: 'The link is unknown, has expired, or has already been used.',
    switchLanguage: 'العربية',
  },
};

const CSS = [
  '*{box-sizing:border-box}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Tahoma,sans-serif;background:#f4f6f8;color:#1c2833;line-height:1.6}',
  'main{max-width:40rem;margin:0 auto;padding:1rem}',
  'h1{font-size:1.35rem;margin:.5rem 0 1rem}',
  '.card{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:1rem}',
  '.muted{color:#566573;font-size:.9rem}',
  '.error{color:#922b21;font-weight:600}',
  'label{display:block;font-weight:600;margin-bottom:.35rem}',
  'textarea{width:100%;min-height:12rem;font-size:1rem;padding:.65rem;border:1px solid #aab7b8;border-radius:.5rem}',
  'button{margin-top:.75rem;width:100%;font-size:1.05rem;padding:.7rem;border:0;border-radius:.5rem;background:#0b5345;color:#fff}',
  '.lang{display:block;text-align:end;margin-bottom:.5rem}',
  'p{margin:.25rem 0;overflow-wrap:anywhere}',
].join('');

export const EXPLANATION_HEADERS = publicPageHeaders(CSS);

export const MAX_ANSWER_LENGTH = 10_000;

function page(lang: Language, title: string, switchHref: string | null, body: string): string {
  const t = STRINGS[lang];
  const switchLink = switchHref === null ? null : { href: switchHref, label: t.switchLanguage };
  return renderShell({ lang, dir: t.dir, title, css: CSS, switchLink, body });
}

export type FormInput = { token: string; reference: string; title: string; message: string | null; error: boolean; draft: string };

export function renderExplanationForm(f: FormInput, lang: Language): string {
  const t = STRINGS[lang];
  const self = `/explanations/${encodeURIComponent(f.token)}`;
  const query = lang === 'en' ? '?lang=en' : '';
  const body = [
    `<h1>${escapeHtml(t.title)}</h1>`,
    `<div class="card"><p class="muted">${escapeHtml(t.intro)}</p>`,
    `<p>${escapeHtml(t.reference)}: <bdi>${escapeHtml(f.reference)}</bdi></p>`,
    `<p>${escapeHtml(t.subject)}: ${escapeHtml(f.title)}</p>`,
    f.message ? `<p>${escapeHtml(t.message)}: ${escapeHtml(f.message)}</p>` : '',
    '</div>',
    `<form class="card" method="post" action="${escapeHtml(self + query)}">`,
    f.error ? `<p class="error">${escapeHtml(t.required)}</p>` : '',
    `<label for="answer">${escapeHtml(t.label)}</label>`,
    `<textarea id="answer" name="answer" maxlength="${MAX_ANSWER_LENGTH}" required>${escapeHtml(f.draft)}</textarea>`,
    `<button type="submit">${escapeHtml(t.submit)}</button>`,
    '</form>',
  ].join('');
  return page(lang, t.title, self + (lang === 'en' ? '' : '?lang=en'), body);
}

export function renderThanks(lang: Language): string {
  const t = STRINGS[lang];
  return page(lang, t.thanks, null, `<h1>${escapeHtml(t.thanks)}</h1><div class="card"><p>${escapeHtml(t.thanksText)}</p></div>`);
}

/** The same bytes for every invalid link, whatever the token. */
export function renderInvalid(lang: Language): string {
  const t = STRINGS[lang];
  return page(lang, t.invalid, null, `<h1>${escapeHtml(t.invalid)}</h1><div class="card"><p>${escapeHtml(t.invalidText)}</p></div>`);
}
