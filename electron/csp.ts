/**
 * Content-Security-Policy of every app:// response. No 'unsafe-eval' and no inline scripts: a
 * complaint text that slipped through React's escaping still cannot run. The only network origin
 * the page may talk to is the configured sync server (fetch, live stream).
 */
export type CspOptions = {
  /** The sync server the desk replicates with, or null before one is configured. */
  serverUrl: string | null;
};

export function serverOrigin(serverUrl: string | null): string | null {
  if (serverUrl === null) return null;
  try {
    const url = new URL(serverUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function buildCsp({ serverUrl }: CspOptions): string {
  const origin = serverOrigin(serverUrl);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    // The renderer ships its styles as files (its own meta CSP says the same): no inline styles.
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', origin === null ? ["'self'"] : ["'self'", origin]],
    ['worker-src', ["'self'"]],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}
