/**
 * The renderer is served from `app://desk/…`, never from file:// (file:// pages share one opaque
 * origin with every local file, and IndexedDB needs a real, stable origin).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own origin; anything unparsable is foreign. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node gives non-special schemes an opaque origin ("null"), so compare the parts instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
