import type { Api } from '../../sync/http.ts';
import { HttpError, OfflineError } from '../../sync/http.ts';

/**
 * A new tracking link for a complaint: POST /api/v1/complaints/:id/tracking-secret on the server
 * (sync-server/routes/tracking-secret.ts). Online only — the secret that counts is the server's —
 * so the desk refuses at once when offline. The new secret reaches this desk's copy of the
 * complaint by replication; the caller asks for a resync so that happens at once.
 */
export type Rotated = { trackingUrl: string; updatedAt: string };

export const ROTATE_ERROR_CODES = ['offline', 'forbidden', 'not_found', 'signed_out', 'server'] as const;
export type RotateErrorCode = (typeof ROTATE_ERROR_CODES)[number];

export async function rotateTrackingLink(api: Api, online: boolean, complaintId: string): Promise<Rotated> {
  if (!online) throw new OfflineError(new Error('the desk is offline'));
  return api.json<Rotated>(`/api/v1/complaints/${encodeURIComponent(complaintId)}/tracking-secret`, { method: 'POST' });
}

/** What the desk says when it failed, translated as `receipt.rotateError.<code>`. */
export function rotateErrorOf(error: unknown): RotateErrorCode {
  if (error instanceof OfflineError) return 'offline';
  if (!(error instanceof HttpError)) return 'server';
  if (error.status === 401) return 'signed_out';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'not_found';
  return 'server';
}
