import type { z } from 'zod';

/**
 * Field errors as the forms show them: a stable code (translated as `validation.<code>`) and the
 * bounds the message may mention. Keys are dotted field paths (`complainant.phone`), the same
 * names the error elements use in their test ids.
 */
export type FieldError = { code: string; minimum?: number; maximum?: number };
export type FieldErrors = Record<string, FieldError>;

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (key in out) continue;
    if (issue.code === 'too_small') {
      const minimum = Number(issue.minimum);
      out[key] = minimum <= 1 && issue.origin === 'string' ? { code: 'required' } : { code: 'too_small', minimum };
    } else if (issue.code === 'too_big') {
      out[key] = { code: 'too_big', maximum: Number(issue.maximum) };
    } else if (issue.code === 'custom') {
      out[key] = { code: issue.message };
    } else {
      out[key] = { code: issue.code };
    }
  }
  return out;
}
