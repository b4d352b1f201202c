import type { z } from 'zod';
import type { SessionUser, patchComplaintRequestSchema, transitionRequestSchema } from '../../shared/api.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import type { ComplaintStatus } from '../../shared/enums.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { sameValue } from '../../shared/merge.ts';
import { allowedTransitions, checkTransition } from '../../shared/workflow.ts';
import type { Tx } from '../db/pool.ts';
import { HttpError } from '../http.ts';
import { asFieldText } from '../replication/conflict-events.ts';
import { checkPatchAllowed, checkTransitionAllowed } from './access.ts';
import { departmentInHospital, staffForHospital } from './lookups.ts';
import { dueAtOf, slaContext } from './sla.ts';
import { writeComplaint, writeEvent } from './store.ts';
import { refreshSchedule } from '../sla/due.ts';
import { queueNotificationsForEvents } from '../notifications/enqueue.ts';
import { queueStatusChanges } from '../notifications/status-changes.ts';

/**
 * Staff edits through the integration API. Each change is written through `writeReplicated`
 * (so desks receive it) together with its timeline event.
 */
export type PatchRequest = z.infer<typeof patchComplaintRequestSchema>;
/**
 * `enforce`: a user's request, held to the role rule (complaints/access.ts; 403 after the 409 and
 * 422 checks). `trusted`: the server replaying history it was given (the demo loader).
 */
export type RoleRule = 'enforce' | 'trusted';
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

const PATCH_FIELDS = ['priority', 'severity', 'category', 'departmentId', 'assigneeId', 'title', 'description'] as const;

function event(doc: ComplaintDoc, user: SessionUser, now: number, e: Pick<TimelineEventDoc, 'type' | 'field' | 'from' | 'to' | 'comment' | 'visibility' | 'data'>): TimelineEventDoc {
  return {
    id: uuidv7(now),
    complaintId: doc.id,
    hospitalId: doc.hospitalId,
    at: now,
    actorId: user.id,
    actorName: user.displayName,
    ...e,
  };
}

export async function patchComplaint(
  tx: Tx,
  doc: ComplaintDoc,
  patch: PatchRequest,
  user: SessionUser,
  now: number,
  rule: RoleRule = 'enforce',
): Promise<ComplaintDoc> {
  const fields: Record<string, string> = {};
  if (patch.departmentId && patch.departmentId !== doc.departmentId && !(await departmentInHospital(tx, patch.departmentId, doc.hospitalId))) {
    fields.departmentId = 'unknown';
  }
  if (patch.assigneeId && patch.assigneeId !== doc.assigneeId && !(await staffForHospital(tx, patch.assigneeId, doc.hospitalId))) {
    fields.assigneeId = 'unknown';
  }
  if (Object.keys(fields).length > 0) throw new HttpError(422, { error: 'validation_failed', fields });
  if (rule === 'enforce') await checkPatchAllowed(tx, user, doc, patch);

  const next: ComplaintDoc = { ...doc };
  const events: TimelineEventDoc[] = [];
  for (const field of PATCH_FIELDS) {
    const value = patch[field];
    if (value === undefined || sameValue(value, doc[field])) continue;
    (next as Record<(typeof PATCH_FIELDS)[number], unknown>)[field] = value;
    const from = asFieldText(doc[field]);
    const to = asFieldText(value);
    events.push(
      field === 'assigneeId'
        ? event(doc, user, now, { type: 'assigned', field, from, to, comment: null, visibility: 'internal', data: {} })
        : event(doc, user, now, { type: 'field_changed', field, from, to, comment: null, visibility: 'internal', data: {} }),
    );
  }
  if (events.length === 0) return doc;
  if (next.severity !== doc.severity || next.priority !== doc.priority) {
    next.dueAt = dueAtOf(next, await slaContext(tx, doc.hospitalId));
  }
  next.updatedAt = Math.max(now, doc.updatedAt);
  next.updatedBy = user.id;
  await queueNotificationsForEvents(tx, events, new Map([[next.id, next]]), now);
  await writeComplaint(tx, next);
  for (const e of events) await writeEvent(tx, e);
  return refreshSchedule(tx, next);
}

export async function transitionComplaint(
  tx: Tx,
  doc: ComplaintDoc,
  request: TransitionRequest,
  user: SessionUser,
  now: number,
  rule: RoleRule = 'enforce',
): Promise<ComplaintDoc> {
  const refusal = checkTransition({ from: doc.status, to: request.to, comment: request.comment, resolution: request.resolution });
  if (refusal?.code === 'same_status' || refusal?.code === 'not_allowed') {
    throw new HttpError(409, { error: 'transition_not_allowed', from: doc.status, allowed: [...allowedTransitions(doc.status)] });
  }
  if (refusal?.code === 'resolution_required') {
    throw new HttpError(422, { error: 'validation_failed', fields: { resolution: 'required' } });
  }
  if (refusal?.code === 'reason_required') {
    throw new HttpError(422, { error: 'validation_failed', fields: { comment: 'required' } });
  }
  if (rule === 'enforce') await checkTransitionAllowed(tx, user, doc, request.to);
  const to: ComplaintStatus = request.to;
  const next: ComplaintDoc = {
    ...doc,
    status: to,
    resolution: to === 'RESOLVED' ? (request.resolution ?? '').trim() : doc.resolution,
    updatedAt: Math.max(now, doc.updatedAt),
    updatedBy: user.id,
  };
  const comment = request.comment?.trim() ? request.comment.trim() : null;
  const changed = event(doc, user, now, {
    type: 'status_changed',
    field: 'status',
    from: doc.status,
    to,
    comment,
    visibility: 'public',
    data: to === 'RESOLVED' ? { resolution: next.resolution } : {},
  });
  await queueStatusChanges(tx, [{ complaintId: next.id, since: { from: doc.status } }], now, new Map([[next.id, next]]), [changed]);
  await writeComplaint(tx, next);
  await writeEvent(tx, changed);
  return refreshSchedule(tx, next);
}
