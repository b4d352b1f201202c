import { join, resolve, sep } from 'node:path';
import { APP_HOST } from './app-origin.ts';

/**
 * Serves the built renderer (dist/renderer) at app://desk/…. The scheme is registered as standard
 * and secure so the page has a real origin: IndexedDB (RxDB's storage), fetch and CSP 'self' work.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  stream: true,
} as const;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  const ext = dot > file.lastIndexOf(sep) && dot >= 0 ? file.slice(dot).toLowerCase() : '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

export type ResolvedPath =
  | { ok: true; file: string; mimeType: string }
  | { ok: false; status: 400 | 404 };

/**
 * Maps the (still percent-encoded) path of an app:// URL to a file under `rootDir`. Refuses
 * anything that could leave the folder: `..` segments (plain or encoded), encoded slashes and
 * backslashes, NUL bytes, drive letters and empty segments (`//etc/passwd`). A path without a file
 * extension is an in-app route and gets index.html.
 */
export function resolveAppPath(rootDir: string, encodedPath: string): ResolvedPath {
  if (!encodedPath.startsWith('/')) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (/[\\\0:]/.test(decoded)) return { ok: false, status: 400 };
  const segments = decoded.slice(1).split('/');
  if (segments.at(-1) === '') segments.pop(); // trailing slash: a directory route
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return { ok: false, status: 400 };
  }
  const last = segments.at(-1);
  const isRoute = last === undefined || !last.includes('.');
  const root = resolve(rootDir);
  const file = isRoute ? join(root, 'index.html') : resolve(root, ...segments);
  // Belt and braces: whatever the checks above missed, never serve outside the root.
  if (!file.startsWith(root + sep)) return { ok: false, status: 400 };
  return { ok: true, file, mimeType: mimeTypeFor(file) };
}

export type AppProtocolDeps = {
  rootDir: string;
  readFile(file: string): Promise<Uint8Array>;
  /** Computed per response: the server origin in connect-src follows the current setting. */
  contentSecurityPolicy(): Promise<string> | string;
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The handler given to `protocol.handle('app', …)`. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const resolved = resolveAppPath(deps.rootDir, url.pathname);
    if (!resolved.ok) return plain(resolved.status, resolved.status === 400 ? 'Bad request' : 'Not found');
    let body: Uint8Array;
    try {
      body = await deps.readFile(resolved.file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': resolved.mimeType,
        'content-security-policy': await deps.contentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
