import type { FieldError, FieldErrors } from './errors.ts';

/** What checking a form gives: the document body to send, or the problem of each field. */
export type Checked<B> = { ok: true; body: B } | { ok: false; fields: FieldErrors };

/** The server's bounds (shared/documents.ts `hours`, rule levels, rule order). */
export const MAX_HOURS = 24 * 365;
export const MAX_LEVEL = 20;
export const MAX_ORDER = 1_000_000;

export type NumberRule = { optional?: boolean; whole?: boolean; min: number; max: number };
export const HOURS: NumberRule = { min: 0, max: MAX_HOURS };
export const OPTIONAL_HOURS: NumberRule = { ...HOURS, optional: true };

/** A number as a text box shows it; blank for none. */
export const text = (n: number | null): string => (n === null ? '' : String(n));

/**
 * Reads a form's texts into typed values, collecting one problem per field (the first found).
 * Values read from a wrong field come back as null/0 and are never sent: `result` refuses then.
 */
export class FormReader {
  readonly fields: FieldErrors = {};

  fail(name: string, error: FieldError): void {
    if (!(name in this.fields)) this.fields[name] = error;
  }

  /** A number from a text box: null for an empty optional box or a wrong value. */
  optional(name: string, value: string, rule: NumberRule): number | null {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (!rule.optional) this.fail(name, 'required');
      return null;
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n)) this.fail(name, 'not_a_number');
    else if (rule.whole && !Number.isInteger(n)) this.fail(name, 'not_whole');
    else if (n < rule.min || n > rule.max) this.fail(name, 'out_of_range');
    else return n;
    return null;
  }

  number(name: string, value: string, rule: NumberRule): number {
    return this.optional(name, value, { ...rule, optional: false }) ?? 0;
  }

  /** A required text of at most `max` characters, trimmed. */
  text(name: string, value: string, max: number): string {
    const trimmed = value.trim();
    if (trimmed === '') this.fail(name, 'required');
    else if (trimmed.length > max) this.fail(name, 'out_of_range');
    return trimmed;
  }

  result<B>(body: B): Checked<B> {
    return Object.keys(this.fields).length > 0 ? { ok: false, fields: this.fields } : { ok: true, body };
  }
}

/** The value when it is one of `allowed`, else null ("any" in a select is the empty string). */
export function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}
