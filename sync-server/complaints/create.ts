import type { CreateComplaintRequest, SessionUser } from '../../shared/api.ts';
import { complaintDocSchema, type ComplaintDoc, type TimelineEventDoc } from '../../shared/documents.ts';
import { newTrackingSecret, uuidv7 } from '../../shared/ids.ts';
import { normalizePhone } from '../../shared/phone.ts';
import { canSeeHospital } from '../auth/access.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { HttpError } from '../http.ts';
import { departmentInHospital, findHospital, sourceExists } from './lookups.ts';
import { takeServerReference } from './references.ts';
import { dueAtOf, slaContext } from './sla.ts';
import { writeComplaint, writeEvent } from './store.ts';
import { refreshSchedule } from '../sla/due.ts';
import { queueNotificationsForEvents } from '../notifications/enqueue.ts';
import { autoAssign, lockDepartments } from '../assignment/auto.ts';

/**
 * A complaint created on the server (integration API, brief §4): it takes one reference number
 * from the group-wide counter, a fresh tracking secret, its SLA due time, and a `created` event.
 * Desks create complaints themselves and push them; this is for external intake channels.
 */
export const SERVER_DESK_ID = 'server';

/** Field errors for what the request names but the directory does not have (422). */
export async function checkCreateRequest(
  q: Queryable,
  user: SessionUser,
  body: CreateComplaintRequest,
): Promise<{ phone: string | null }> {
  const fields: Record<string, string> = {};
  // A hospital the caller may not see is reported exactly like one that does not exist.
  const hospital = canSeeHospital(user, body.hospitalId) ? await findHospital(q, body.hospitalId) : null;
  if (!hospital || !hospital.active) fields.hospitalId = 'unknown';
  if (!(await sourceExists(q, body.sourceCode))) fields.sourceCode = 'unknown';
  if (body.departmentId !== undefined && hospital && !(await departmentInHospital(q, body.departmentId, body.hospitalId))) {
    fields.departmentId = 'unknown';
  }
  let phone: string | null = null;
  if (body.complainant.phone !== undefined && body.complainant.phone.trim() !== '') {
    const result = normalizePhone(body.complainant.phone);
    if (result.ok) phone = result.e164;
    else fields['complainant.phone'] = result.error;
  }
  if (Object.keys(fields).length > 0) throw new HttpError(422, { error: 'validation_failed', fields });
  return { phone };
}

export async function createComplaint(
  tx: Tx,
  user: SessionUser,
  body: CreateComplaintRequest,
  phone: string | null,
  now: number,
): Promise<ComplaintDoc> {
  const referenceNumber = await takeServerReference(tx, new Date(now).getUTCFullYear());
  const draft: ComplaintDoc = {
    id: uuidv7(now),
    hospitalId: body.hospitalId,
    departmentId: body.departmentId ?? null,
    referenceNumber,
    sourceCode: body.sourceCode,
    channel: body.channel ?? 'portal',
    type: 'complaint',
    title: body.title,
    description: body.description,
    category: body.category ?? null,
    severity: body.severity ?? 'medium',
    priority: body.priority ?? 'medium',
    status: 'PENDING',
    assigneeId: null,
    complainant: {
      name: body.complainant.name,
      phone,
      email: body.complainant.email ?? null,
      language: body.complainant.language ?? 'ar',
      smsOptOut: false,
    },
    patient: null,
    resolution: null,
    trackingSecret: newTrackingSecret(),
    deskId: SERVER_DESK_ID,
    createdAt: now,
    createdBy: user.id,
    updatedAt: now,
    updatedBy: user.id,
    dueAt: null,
    overdue: false,
    reminderLevel: 0,
    escalationLevel: 0,
    lastReminderAt: null,
    escalatedAt: null,
    referenceConfirmed: true,
    trackingConfirmed: true,
  };
  const parsed = complaintDocSchema.parse({ ...draft, dueAt: dueAtOf(draft, await slaContext(tx, body.hospitalId)) });
  // The department's assignment lock comes before the seq lock (the first replicated write).
  const auto = await autoAssign(tx, await lockDepartments(tx, parsed.hospitalId, [parsed]), parsed, now);
  const doc = auto.doc;
  const created = apiCreatedEvent(doc, user, now);
  // Before the replicated writes (the seq lock): the outbox rows need no lock of their own.
  await queueNotificationsForEvents(tx, [created, ...auto.events], new Map([[doc.id, doc]]), now);
  await writeComplaint(tx, doc);
  await writeEvent(tx, created);
  for (const e of auto.events) await writeEvent(tx, e);
  return refreshSchedule(tx, doc);
}

/** The public `created` event of a complaint made through the API. */
export function apiCreatedEvent(doc: ComplaintDoc, actor: { id: string; displayName: string }, at: number): TimelineEventDoc {
  return {
    id: uuidv7(at),
    complaintId: doc.id,
    hospitalId: doc.hospitalId,
    type: 'created',
    at,
    actorId: actor.id,
    actorName: actor.displayName,
    field: null,
    from: null,
    to: doc.status,
    comment: null,
    visibility: 'public',
    data: { channel: doc.channel, sourceCode: doc.sourceCode, via: 'api' },
  };
}
