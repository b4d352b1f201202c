import type { SessionUser } from '../../shared/api.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { newTrackingSecret, uuidv7 } from '../../shared/ids.ts';
import { canSeeHospital } from '../auth/access.ts';
import { findComplaint, writeComplaint, writeEvent } from '../complaints/store.ts';
import type { Tx } from '../db/pool.ts';
import { notFound } from '../http.ts';
import { dropCodes } from './otp.ts';

/**
 * Replaces a complaint's tracking secret (a link given to the wrong person, a lost receipt): the
 * old link, its survey link and any one-time code stop working at once; the new secret is the
 * server's, so `trackingConfirmed` stays true, and it reaches the desks by replication like any
 * server write. A desk never overwrites it: `trackingSecret` is immutable in a desk's push
 * (shared/documents.ts), so the server's value wins and the desk adopts it from the push answer.
 *
 * Who: anyone who may edit the complaint (any staff of its hospital, or group-level staff) —
 * the same rule as the integration API's PATCH. Another hospital's complaint is a 404.
 * The timeline gets an internal `field_changed` event on `trackingSecret` that names neither
 * secret. Lock order as everywhere: the complaint row first, then the replicated writes.
 */
export async function rotateTrackingSecret(tx: Tx, user: SessionUser, idOrRef: string, now: number): Promise<ComplaintDoc> {
  const row = await findComplaint(tx, idOrRef, true);
  if (!row || !canSeeHospital(user, row.hospitalId)) throw notFound();
  const doc = row.doc;
  const next: ComplaintDoc = {
    ...doc,
    trackingSecret: newTrackingSecret(),
    trackingConfirmed: true,
    updatedAt: Math.max(now, doc.updatedAt),
    updatedBy: user.id,
  };
  const event: TimelineEventDoc = {
    id: uuidv7(now),
    complaintId: doc.id,
    hospitalId: doc.hospitalId,
    type: 'field_changed',
    at: now,
    actorId: user.id,
    actorName: user.displayName || user.username,
    field: 'trackingSecret',
    from: null,
    to: null,
    comment: null,
    visibility: 'internal',
    data: { rotated: true },
  };
  await dropCodes(tx, doc.id);
  await writeEvent(tx, event);
  await writeComplaint(tx, next);
  return next;
}
