import { uuidv7 } from '../../shared/ids.ts';
import type { SessionUser } from '../../shared/api.ts';
import { canSeeHospital } from '../auth/access.ts';
import { staffForHospital } from '../complaints/lookups.ts';
import { findComplaint, lockComplaints } from '../complaints/store.ts';
import type { Tx } from '../db/pool.ts';
import { HttpError, notFound } from '../http.ts';
import { queueNotifications } from '../notifications/enqueue.ts';
import { eventIdFor, findByToken, insertRequest, lockRequest, newToken, timesFor, writeInternalEvents } from './store.ts';

/** Asking a staff member for an explanation, and the staff member's answer through the link. */

export type Created = { id: string; token: string; dueAt: number };

export async function requestExplanation(
  tx: Tx,
  user: SessionUser,
  idOrRef: string,
  body: { staffId: string; message?: string | undefined },
  now: number,
): Promise<Created> {
  // Lock order: the complaint row first.
  const row = await findComplaint(tx, idOrRef, true);
  if (!row || !canSeeHospital(user, row.hospitalId)) throw notFound();
  const staff = await staffForHospital(tx, body.staffId, row.hospitalId);
  if (!staff) throw new HttpError(422, { error: 'validation_failed', fields: { staffId: 'unknown' } });
  const id = uuidv7(now);
  const token = newToken();
  const message = body.message?.trim() ? body.message.trim() : null;
  await insertRequest(tx, {
    id,
    complaintId: row.doc.id,
    hospitalId: row.hospitalId,
    staffId: body.staffId,
    requestedBy: user.id,
    requestedAt: now,
    level: 0,
    parentId: null,
    message,
    token,
  });
  const { dueAt } = timesFor(now);
  // The e-mail with the link, queued with the request (before the seq lock).
  await queueNotifications(
    tx,
    [{ kind: 'explanation', causeId: id, complaintId: row.doc.id, staffId: body.staffId, token, dueAt, message }],
    new Map([[row.doc.id, row.doc]]),
    now,
  );
  await writeInternalEvents(tx, [
    {
      id: eventIdFor(id, 'explanation_requested', 0, now),
      complaintId: row.doc.id,
      hospitalId: row.hospitalId,
      type: 'explanation_requested',
      at: now,
      actorId: user.id,
      actorName: user.displayName,
      comment: message,
      data: { explanationId: id, staffId: body.staffId, staffName: staff.displayName, level: 0, dueAt },
    },
  ]);
  return { id, token, dueAt };
}

export type Answered = 'answered' | 'invalid';

/**
 * Stores the answer once. Anything but a pending, unexpired request behind this token is
 * `invalid`: the caller shows the same "link no longer valid" page for all of them.
 */
export async function answerExplanation(tx: Tx, token: string, answer: string, now: number): Promise<Answered> {
  const found = await findByToken(tx, token);
  if (!found) return 'invalid';
  await lockComplaints(tx, [found.complaintId]);
  const row = await lockRequest(tx, found.id);
  if (!row || row.status !== 'pending' || row.expiresAt <= now) return 'invalid';
  const staff = await staffForHospital(tx, row.staffId, row.hospitalId);
  await tx.query(
    `UPDATE explanation_requests SET status = 'answered', answer = $2, answered_at = $3, next_at = NULL WHERE id = $1`,
    [row.id, answer, now],
  );
  await writeInternalEvents(tx, [
    {
      id: eventIdFor(row.id, 'explanation_received', row.level, now),
      complaintId: row.complaintId,
      hospitalId: row.hospitalId,
      type: 'explanation_received',
      at: now,
      actorId: row.staffId,
      actorName: staff?.displayName ?? null,
      comment: answer.slice(0, 4_000),
      data: { explanationId: row.id, staffId: row.staffId, level: row.level, text: answer },
    },
  ]);
  return 'answered';
}
