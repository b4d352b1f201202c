import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import type { Language } from '../../shared/enums.ts';
import {
  causesFromEvents,
  directoryNeeds,
  planNotifications,
  type HospitalNotificationSettings,
  type NotificationCause,
  type PlanContext,
  type StaffContact,
} from '../../shared/notifications/plan.ts';
import { pick } from '../complaints/store.ts';
import { complaintDocSchema } from '../../shared/documents.ts';
import type { Tx } from '../db/pool.ts';
import { insertMessages } from './store.ts';
import { notifyUsers } from '../inbox/store.ts';
import { inAppNotificationsFor, type NewStaffNotification } from '../inbox/recipients.ts';

/**
 * Queues the messages that newly written events cause, in the caller's transaction. Status
 * changes are not among them: an event says what a desk did, and only what the stored complaint
 * kept tells the complainant (status-changes.ts, called where statuses are written). Call it with
 * the events the transaction actually inserted (a replayed push inserts none, so queues none) and,
 * where the caller holds them, the complaints as they stand after the change (others are read).
 * A handful of set-based statements however many events. The outbox rows take no lock; the staff's
 * in-app notifications, written last, take the seq lock when there are any — so call it after the
 * transaction's complaint locks and, where the caller can, just before its replicated writes.
 */
export async function queueNotificationsForEvents(
  tx: Tx,
  events: readonly TimelineEventDoc[],
  known: ReadonlyMap<string, ComplaintDoc> = new Map(),
  now: number,
): Promise<string[]> {
  return queueNotifications(tx, causesFromEvents(events).filter((c) => c.kind !== 'status'), known, now);
}

const COMPLAINT_KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];

export async function queueNotifications(
  tx: Tx,
  causes: readonly NotificationCause[],
  known: ReadonlyMap<string, ComplaintDoc>,
  now: number,
): Promise<string[]> {
  const queued = await queueNotificationsDeferred(tx, causes, known, now);
  // The same causes notify staff in the app (a replicated write: takes the seq lock).
  await notifyUsers(tx, queued.inApp);
  return queued.ids;
}

export type QueuedNotifications = { ids: string[]; inApp: NewStaffNotification[] };

/**
 * Queues the outbox messages (no lock) and leaves the staff's in-app notifications — replicated
 * rows, so the seq lock — for the caller to write with `notifyUsers` in its replicated-write
 * phase. The SLA scheduler prepares bursts before their due time and must not hold the seq lock
 * while it waits.
 */
export async function queueNotificationsDeferred(
  tx: Tx,
  causes: readonly NotificationCause[],
  known: ReadonlyMap<string, ComplaintDoc>,
  now: number,
): Promise<QueuedNotifications> {
  if (causes.length === 0) return { ids: [], inApp: [] };
  const ctx = await loadContext(tx, causes, known);
  const ids = await insertMessages(tx, planNotifications(causes, ctx), now);
  return { ids, inApp: inAppNotificationsFor(causes, ctx, now) };
}

async function loadContext(tx: Tx, causes: readonly NotificationCause[], known: ReadonlyMap<string, ComplaintDoc>): Promise<PlanContext> {
  const complaints = new Map(known);
  const missing = [...new Set(causes.map((c) => c.complaintId))].filter((id) => !complaints.has(id));
  if (missing.length > 0) {
    const { rows } = await tx.query<{ id: string; doc: unknown }>('SELECT id, doc FROM complaints WHERE id = ANY($1::text[]) AND NOT deleted', [missing]);
    for (const r of rows) complaints.set(r.id, pick<ComplaintDoc>(r.doc, COMPLAINT_KEYS));
  }
  const named = new Set(causes.map((c) => c.complaintId));
  const relevant = [...complaints.values()].filter((d) => named.has(d.id));
  const { userIds, departmentIds } = directoryNeeds(causes, complaints);
  const hospitalIds = [...new Set(relevant.map((d) => d.hospitalId))];
  const phones = [...new Set(relevant.flatMap((d) => (d.complainant.phone === null ? [] : [d.complainant.phone])))];

  // One round trip for the whole directory side: department managers (the named one if active,
  // else the department's manager by role, as escalations resolve it), every contact those and the
  // causes name, the hospitals' settings and the numbers that answered STOP.
  const { rows } = await tx.query<{ kind: 'manager' | 'contact' | 'settings' | 'stop'; a: string; b: string | null; c: string | null; d: string | null }>(
    `WITH managers AS (
       SELECT d.id AS department_id, coalesce(named.id, byrole.id) AS user_id
       FROM departments d
       LEFT JOIN users named ON named.id = d.doc->>'managerId' AND named.active AND NOT named.deleted
       LEFT JOIN LATERAL (
         SELECT u.id FROM users u
         WHERE u.role = 'department_manager' AND u.doc->>'departmentId' = d.id AND u.active AND NOT u.deleted
         ORDER BY lower(u.username) LIMIT 1
       ) byrole ON true
       WHERE d.id = ANY($1::text[])
     )
     SELECT 'manager' AS kind, department_id AS a, user_id AS b, NULL AS c, NULL AS d FROM managers WHERE user_id IS NOT NULL
     UNION ALL
     SELECT 'contact', s.user_id, s.email, s.language, u.doc->>'displayName'
     FROM staff_contacts s JOIN users u ON u.id = s.user_id AND u.active AND NOT u.deleted
     WHERE s.email IS NOT NULL AND (s.user_id = ANY($2::text[]) OR s.user_id IN (SELECT user_id FROM managers))
     UNION ALL
     SELECT 'settings', hospital_id, sms_on_in_progress::text, sms_on_assignment::text, sms_on_sla_reminder::text
     FROM notification_settings WHERE hospital_id = ANY($3::text[])
     UNION ALL
     SELECT 'stop', phone, NULL, NULL, NULL FROM sms_opt_outs WHERE phone = ANY($4::text[])`,
    [departmentIds, userIds, hospitalIds, phones],
  );
  const managers = new Map<string, string>();
  const contacts = new Map<string, StaffContact>();
  const settings = new Map<string, HospitalNotificationSettings>();
  const optedOutPhones = new Set<string>();
  for (const r of rows) {
    if (r.kind === 'manager' && r.b !== null) managers.set(r.a, r.b);
    else if (r.kind === 'contact' && r.b !== null) contacts.set(r.a, { email: r.b, language: r.c === 'ar' || r.c === 'en' ? (r.c as Language) : null, name: r.d ?? '' });
    else if (r.kind === 'settings') settings.set(r.a, { smsOnInProgress: r.b === 'true', smsOnAssignment: r.c === 'true', smsOnSlaReminder: r.d === 'true' });
    else if (r.kind === 'stop') optedOutPhones.add(r.a);
  }
  return { complaints, managers, contacts, settings, optedOutPhones };
}
