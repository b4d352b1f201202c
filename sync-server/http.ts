/**
 * Errors that become a given HTTP answer. Throw one from any handler or hook; the error handler
 * in app.ts sends `statusCode` with `body`. A `ZodError` thrown by `schema.parse(...)` becomes a
 * 422 with field errors (shared/api.ts `toFieldErrors`), so handlers can simply parse their input.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: { error: string } & Record<string, unknown>,
  ) {
    super(body.error);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'not_found') => new HttpError(404, { error: what });
export const forbidden = () => new HttpError(403, { error: 'forbidden' });
export const unauthorized = (error = 'unauthorized') => new HttpError(401, { error });
export const conflict = (error: string, extra: Record<string, unknown> = {}) =>
  new HttpError(409, { error, ...extra });
