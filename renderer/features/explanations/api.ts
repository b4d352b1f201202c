import type { Api } from '../../sync/http.ts';
import { OfflineError, saveFailureOf } from '../../sync/http.ts';

/**
 * Asking a staff member for an explanation: POST /api/v1/complaints/:id/explanations on the
 * server (sync-server/routes/explanations.ts). Online only — the one-time link and its deadline
 * are the server's to make — so the desk refuses at once when offline instead of queueing. The
 * request itself reaches the desk's timeline through replication (`explanation_requested`).
 */
export type ExplanationCreated = { id: string; link: string; dueAt: string };
export type ExplanationInput = { staffId: string; message: string };

export const MAX_MESSAGE = 4_000;

export async function requestExplanation(api: Api, online: boolean, complaintId: string, input: ExplanationInput): Promise<ExplanationCreated> {
  if (!online) throw new OfflineError(new Error('the desk is offline'));
  const message = input.message.trim();
  return api.json<ExplanationCreated>(`/api/v1/complaints/${encodeURIComponent(complaintId)}/explanations`, {
    method: 'POST',
    body: message ? { staffId: input.staffId, message } : { staffId: input.staffId },
  });
}

/** Field problems the form shows, each translated as `explanations.fieldError.<code>`. */
export const EXPLANATION_FIELD_ERRORS = ['required', 'unknown', 'too_long', 'invalid'] as const;
export type ExplanationFieldError = (typeof EXPLANATION_FIELD_ERRORS)[number];
export type ExplanationFields = Partial<Record<'staffId' | 'message', ExplanationFieldError>>;
/** Why a request failed, each translated as `explanations.error.<code>`. */
export const EXPLANATION_ERROR_CODES = ['offline', 'forbidden', 'not_found', 'invalid', 'signed_out', 'server'] as const;
export type ExplanationErrorCode = (typeof EXPLANATION_ERROR_CODES)[number];
export type ExplanationFailure = { code: ExplanationErrorCode; fields: ExplanationFields };

/** Checks the form before anything is sent; null when it may go. */
export function checkInput(input: ExplanationInput): ExplanationFields | null {
  const fields: ExplanationFields = {};
  if (!input.staffId) fields.staffId = 'required';
  if (input.message.trim().length > MAX_MESSAGE) fields.message = 'too_long';
  return Object.keys(fields).length > 0 ? fields : null;
}

function fieldOf(code: unknown): ExplanationFieldError {
  if (code === 'unknown') return 'unknown';
  if (code === 'too_big') return 'too_long';
  if (code === 'too_small' || code === 'required') return 'required';
  return 'invalid';
}

/** Turns what the API client threw into what the form shows. */
export function failureOf(error: unknown): ExplanationFailure {
  return saveFailureOf(error, (field, code) => (field === 'staffId' || field === 'message' ? fieldOf(code) : null));
}
