import { trackingPath } from '../../shared/ids.ts';
import type { Language } from '../../shared/enums.ts';

/**
 * Addresses of the complainant's pages. The tracking link is shared/ids.ts `trackingUrl` (the
 * desk prints it offline); the survey link carries the same tracking secret, so one secret opens
 * both and rotating it closes both.
 */
export function surveyPath(reference: string): string {
  return `/complaints/survey/${encodeURIComponent(reference)}/`;
}

/** The link of the closure SMS. */
export function surveyUrl(baseUrl: string, reference: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${surveyPath(reference)}?s=${encodeURIComponent(secret)}`;
}

/** A same-site link to a page with its secret and language (`lang` only when not Arabic). */
export function pageLink(path: string, secret: string, lang: Language): string {
  return `${path}?s=${encodeURIComponent(secret)}${lang === 'en' ? '&lang=en' : ''}`;
}

export { trackingPath };
