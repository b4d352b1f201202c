import { saveFailureOf } from '../../sync/http.ts';

/**
 * Field problems the administration forms show, each a key under `admin.fieldError`. The desk
 * checks what it can before sending; the server's 422 codes map onto the same words.
 */
export const ADMIN_FIELD_ERRORS = ['required', 'too_long', 'too_short', 'bad_code', 'unknown', 'taken', 'immutable', 'not_allowed', 'invalid'] as const;
export type AdminFieldError = (typeof ADMIN_FIELD_ERRORS)[number];
export type AdminFieldErrors = Partial<Record<string, AdminFieldError>>;

/** Why a save failed, each a key under `admin.error`. */
export const ADMIN_SAVE_ERRORS = ['offline', 'forbidden', 'not_found', 'invalid', 'signed_out', 'server'] as const;
export type AdminSaveErrorCode = (typeof ADMIN_SAVE_ERRORS)[number];
export type AdminSaveError = { code: AdminSaveErrorCode; fields: AdminFieldErrors };

export function fieldErrorOf(serverCode: unknown): AdminFieldError {
  switch (serverCode) {
    case 'too_big':
      return 'too_long';
    case 'too_small':
      return 'too_short';
    case 'invalid_format':
      return 'bad_code';
    case 'unknown':
    case 'taken':
    case 'immutable':
    case 'not_allowed':
    case 'required':
      return serverCode;
    default:
      return 'invalid';
  }
}

export function adminSaveErrorOf(error: unknown): AdminSaveError {
  return saveFailureOf(error, (_field, code) => fieldErrorOf(code));
}
