/**
 * The desk's HTTP client: base URL, bearer token, one refresh-and-retry on 401, and a report of
 * every request's outcome to the sync status (a request that could not reach the server, or a
 * 5xx, counts as offline).
 */
export class OfflineError extends Error {
  constructor(cause: unknown) {
    super('server unreachable', { cause });
    this.name = 'OfflineError';
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
  }
}

export type AuthSource = {
  getAccessToken(): string | null;
  /** Gets new tokens; true when it did. Throws OfflineError when the server cannot be reached. */
  refresh?(): Promise<boolean>;
};

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type ApiOptions = {
  serverUrl: string;
  auth?: AuthSource;
  fetch?: FetchLike;
  /** true: the server answered (any status below 500); false: unreachable or failing. */
  onOutcome?: (ok: boolean) => void;
  /** The refresh token was refused too: the user must sign in again (online). */
  onAuthLost?: () => void;
};

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Bytes sent as they are (an attachment) instead of a JSON `body`. */
  raw?: { data: ArrayBuffer | Blob; type: string };
};

export function joinUrl(serverUrl: string, path: string, query?: RequestOptions['query']): string {
  const url = new URL(serverUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

export type Api = {
  readonly serverUrl: string;
  /** The raw response (status not checked), after at most one token refresh. */
  request(path: string, options?: RequestOptions): Promise<Response>;
  /** Parsed JSON of a 2xx answer; HttpError otherwise. */
  json<T>(path: string, options?: RequestOptions): Promise<T>;
};

export function createApi(options: ApiOptions): Api {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const report = (ok: boolean) => options.onOutcome?.(ok);

  async function once(path: string, o: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...o.headers };
    const token = options.auth?.getAccessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (o.raw) headers['Content-Type'] = o.raw.type;
    else if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(joinUrl(options.serverUrl, path, o.query), {
        method: o.method ?? 'GET',
        headers,
        body: o.raw ? o.raw.data : o.body === undefined ? null : JSON.stringify(o.body),
        signal: o.signal ?? null,
      });
    } catch (error) {
      if (o.signal?.aborted) throw error;
      report(false);
      throw new OfflineError(error);
    }
    report(res.status < 500);
    return res;
  }

  async function request(path: string, o: RequestOptions = {}): Promise<Response> {
    const res = await once(path, o);
    if (res.status !== 401 || !options.auth?.refresh) return res;
    let refreshed: boolean;
    try {
      refreshed = await options.auth.refresh();
    } catch (error) {
      await res.body?.cancel();
      throw error;
    }
    if (!refreshed) {
      options.onAuthLost?.();
      return res;
    }
    await res.body?.cancel();
    return once(path, o);
  }

  async function json<T>(path: string, o: RequestOptions = {}): Promise<T> {
    const res = await request(path, o);
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    if (!res.ok) throw new HttpError(res.status, body);
    return body as T;
  }

  return { serverUrl: options.serverUrl, request, json };
}

/** Why an online admin action failed, as the forms word it (each a translation key). */
export type SaveFailureCode = 'offline' | 'forbidden' | 'not_found' | 'invalid' | 'signed_out' | 'server';

/**
 * What a form shows for an error thrown by the API client: the failure, and for a 422 the
 * server's field errors (`{fields: {name: code}}`) mapped through `fieldOf` (null drops a field).
 */
export function saveFailureOf<F>(error: unknown, fieldOf: (field: string, code: unknown) => F | null): { code: SaveFailureCode; fields: Partial<Record<string, F>> } {
  const fields: Partial<Record<string, F>> = {};
  if (error instanceof OfflineError) return { code: 'offline', fields };
  if (!(error instanceof HttpError)) return { code: 'server', fields };
  if (error.status === 401) return { code: 'signed_out', fields };
  if (error.status === 403) return { code: 'forbidden', fields };
  if (error.status === 404) return { code: 'not_found', fields };
  if (error.status !== 422) return { code: 'server', fields };
  const raw = (error.body as { fields?: unknown } | null)?.fields;
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const mapped = fieldOf(k, v);
      if (mapped !== null) fields[k] = mapped;
    }
  }
  return { code: 'invalid', fields };
}
