import { HttpError, OfflineError } from '../../sync/http.ts';

/**
 * Field problems the admin forms show, each a key under `slaAdmin.fieldError`. The desk checks
 * what it can before sending (the same bounds as shared/documents.ts); the server's 422 field
 * codes map onto the same words, so a problem reads the same wherever it was found.
 */
export const FIELD_ERRORS = [
  'required',
  'not_a_number',
  'out_of_range',
  'not_whole',
  'unknown',
  'immutable',
  'invalid',
  'taken',
  'level_above_max',
  'bad_time',
  'end_before_start',
  'bad_date',
  'no_working_day',
] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];
/** Keyed by the document's dotted path (`workingHours.start`, `holidays.0.date`). */
export type FieldErrors = Partial<Record<string, FieldError>>;

/** Why a save failed, each a key under `slaAdmin.error`. */
export const SAVE_ERROR_CODES = ['offline', 'forbidden', 'not_found', 'conflict', 'invalid', 'signed_out', 'server'] as const;
export type SaveErrorCode = (typeof SAVE_ERROR_CODES)[number];
export type SaveError = { code: SaveErrorCode; fields: FieldErrors };

function fieldErrorOf(serverCode: unknown): FieldError {
  switch (serverCode) {
    case 'too_small':
    case 'too_big':
      return 'out_of_range';
    case 'invalid_type':
      return 'not_a_number';
    case 'above_max_level':
      return 'level_above_max';
    case 'unknown':
    case 'immutable':
    case 'required':
      return serverCode;
    default:
      return 'invalid';
  }
}

/** Turns what the API client threw into what the form shows. */
export function saveErrorOf(error: unknown): SaveError {
  if (error instanceof OfflineError) return { code: 'offline', fields: {} };
  if (!(error instanceof HttpError)) return { code: 'server', fields: {} };
  switch (error.status) {
    case 401:
      return { code: 'signed_out', fields: {} };
    case 403:
      return { code: 'forbidden', fields: {} };
    case 404:
      return { code: 'not_found', fields: {} };
    case 409:
      return { code: 'conflict', fields: {} };
    case 422: {
      const raw = (error.body as { fields?: unknown } | null)?.fields;
      const fields: FieldErrors = {};
      if (raw && typeof raw === 'object') {
        for (const [k, v] of Object.entries(raw as Record<string, unknown>)) fields[k] = fieldErrorOf(v);
      }
      return { code: 'invalid', fields };
    }
    default:
      return { code: 'server', fields: {} };
  }
}
