import { createHash } from 'node:crypto';
import type { Language } from '../../shared/enums.ts';

/**
 * What every public page (tracking, explanation) shares: plain HTML with no JavaScript, one inline
 * style allowed by its hash (a nonce would make every answer differ, and the "nothing to show"
 * pages must be byte-identical), and the headers that keep a secret in the URL from leaking
 * (no referrer, no caching, no framing, no indexing).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function languageOf(query: unknown): Language {
  return (query as { lang?: unknown } | null)?.lang === 'en' ? 'en' : 'ar';
}

export function styleHash(css: string): string {
  return `sha256-${createHash('sha256').update(css).digest('base64')}`;
}

export function publicPageHeaders(css: string): Readonly<Record<string, string>> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'x-robots-tag': 'noindex, nofollow',
    'content-security-policy': `default-src 'none'; style-src '${styleHash(css)}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  };
}

export type ShellInput = {
  lang: Language;
  dir: 'rtl' | 'ltr';
  title: string;
  css: string;
  /** The link to the same page in the other language; null where there is none. */
  switchLink: { href: string; label: string } | null;
  body: string;
};

export function renderShell(p: ShellInput): string {
  const other: Language = p.lang === 'ar' ? 'en' : 'ar';
  return [
    '<!doctype html>',
    `<html lang="${p.lang}" dir="${p.dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(p.title)}</title><style>${p.css}</style></head>`,
    '<body><main>',
    p.switchLink === null
      ? ''
      : `<a class="lang" href="${escapeHtml(p.switchLink.href)}" hreflang="${other}" lang="${other}">${escapeHtml(p.switchLink.label)}</a>`,
    p.body,
    '</main></body></html>',
  ].join('');
}
