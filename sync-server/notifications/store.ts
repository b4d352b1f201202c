import type { ComplaintDoc } from '../../shared/documents.ts';
import type { MessageLanguage, PlannedMessage, TemplateVariables } from '../../shared/notifications/plan.ts';
import type { MessageChannel, MessageTemplateId } from '../../shared/notifications/texts.ts';
import { maskPhone } from '../../shared/phone.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { slaEventId } from '../sla/event-ids.ts';
import { addDeliveryJobs } from './queue.ts';

/**
 * Rows of `outbox_messages` (migration 006). Times in the epoch-ms columns come from the server's
 * clock; `lease_until` is database time, because it bounds real seconds (an HTTP time-out), not
 * business time.
 */
export type OutboxStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'delivered' | 'failed' | 'dead' | 'not_sent' | 'opted_out';

/** Attempts before a message is given up (`dead`); graphile's back-off spaces them e^n seconds apart (about 80 minutes in all). */
export const ATTEMPT_LIMIT = 9;

export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

export const maskRecipient = (channel: MessageChannel, recipient: string): string =>
  channel === 'sms' ? maskPhone(recipient) : maskEmail(recipient);

/** Stable for the key: the id the gateway sees as `reference` and graphile as the job key. */
export function messageIdFor(key: string, now: number): string {
  return slaEventId(`outbox:${key}`, 'event', now);
}

/**
 * Inserts the planned messages (a key already there is left alone) and adds a delivery job for
 * every new queued one. Two statements however many messages; no seq lock.
 */
export async function insertMessages(tx: Tx, planned: readonly PlannedMessage[], now: number): Promise<string[]> {
  if (planned.length === 0) return [];
  const rows = planned.map((m) => ({
    id: messageIdFor(m.key, now),
    key: m.key,
    hospital_id: m.hospitalId,
    complaint_id: m.complaintId,
    cause_id: m.causeId,
    channel: m.channel,
    template: m.template,
    language: m.language,
    recipient: m.recipient,
    recipient_ref: m.recipientRef,
    masked_recipient: maskRecipient(m.channel, m.recipient),
    variables: m.variables,
    status: m.status,
    attempts: 0,
    attempt_limit: ATTEMPT_LIMIT,
    created_at: now,
    updated_at: now,
  }));
  const names = Object.keys(rows[0] ?? {});
  const { rows: inserted } = await tx.query<{ id: string; status: OutboxStatus }>(
    `INSERT INTO outbox_messages (${names.join(', ')})
     SELECT ${names.map((n) => `r.${n}`).join(', ')} FROM json_populate_recordset(NULL::outbox_messages, $1::json) AS r
     ON CONFLICT (key) DO NOTHING
     RETURNING id, status`,
    [JSON.stringify(rows)],
  );
  const queued = inserted.filter((r) => r.status === 'queued').map((r) => r.id);
  await addDeliveryJobs(tx, queued);
  return queued;
}

export type ClaimedMessage = {
  id: string;
  hospitalId: string;
  complaintId: string;
  channel: MessageChannel;
  template: MessageTemplateId;
  language: MessageLanguage;
  recipient: string;
  recipientRef: string;
  maskedRecipient: string;
  variables: TemplateVariables;
  subject: string | null;
  body: string | null;
  attempt: number;
  attemptLimit: number;
  complaint: ComplaintDoc | null;
  numberOptedOut: boolean;
};

type ClaimRow = {
  id: string;
  hospital_id: string;
  complaint_id: string;
  channel: MessageChannel;
  template: MessageTemplateId;
  language: MessageLanguage;
  recipient: string;
  recipient_ref: string;
  masked_recipient: string;
  variables: TemplateVariables;
  subject: string | null;
  body: string | null;
  attempts: number;
  attempt_limit: number;
  complaint: ComplaintDoc | null;
  number_opted_out: boolean;
};

/**
 * Takes messages for one attempt each: counts the attempt and leases the message until `leaseMs`
 * from now (database time). A message in neither list has nothing to do — already sent or given
 * up, or another process holds a live lease. Two statements for many messages.
 *
 * A complainant reads their SMS in the order they arrive, so "closed" must not overtake
 * "resolved": an SMS whose earlier SMS to the same number about the same complaint is still on
 * its way is `waiting`, left queued and untouched, and its job runs again shortly. The two
 * statements may disagree when the earlier one finishes in between; the later one then only
 * waits one round more.
 */
export async function claimMessages(
  q: Queryable,
  ids: readonly string[],
  leaseMs: { sms: number; email: number },
  now: number,
): Promise<{ claimed: ClaimedMessage[]; waiting: string[] }> {
  if (ids.length === 0) return { claimed: [], waiting: [] };
  const { rows: behind } = await q.query<{ id: string }>(
    `SELECT m.id FROM outbox_messages m
     WHERE m.id = ANY($1::text[]) AND m.channel = 'sms' AND m.status IN ('queued', 'retrying')
       AND EXISTS (SELECT 1 FROM outbox_messages e
                   WHERE e.complaint_id = m.complaint_id AND e.channel = 'sms' AND e.recipient_ref = m.recipient_ref
                     AND e.n < m.n AND e.status IN ('queued', 'sending', 'retrying'))`,
    [ids],
  );
  const waiting = behind.map((r) => r.id);
  const free = waiting.length === 0 ? ids : ids.filter((id) => !waiting.includes(id));
  const { rows } = await q.query<ClaimRow>(
    `UPDATE outbox_messages m
     SET status = 'sending', attempts = m.attempts + 1, updated_at = $4,
         lease_until = now() + (CASE WHEN m.channel = 'sms' THEN $2::integer ELSE $3::integer END) * interval '1 millisecond'
     WHERE m.id = ANY($1::text[]) AND (m.status IN ('queued', 'retrying') OR (m.status = 'sending' AND m.lease_until < now()))
     RETURNING m.id, m.hospital_id, m.complaint_id, m.channel, m.template, m.language, m.recipient, m.recipient_ref,
       m.masked_recipient, m.variables, m.subject, m.body, m.attempts, m.attempt_limit,
       (SELECT c.doc FROM complaints c WHERE c.id = m.complaint_id AND NOT c.deleted) AS complaint,
       EXISTS (SELECT 1 FROM sms_opt_outs o WHERE m.channel = 'sms' AND o.phone = m.recipient) AS number_opted_out`,
    [free, leaseMs.sms, leaseMs.email, now],
  );
  const claimed = rows.map((r) => ({
    id: r.id,
    hospitalId: r.hospital_id,
    complaintId: r.complaint_id,
    channel: r.channel,
    template: r.template,
    language: r.language,
    recipient: r.recipient,
    recipientRef: r.recipient_ref,
    maskedRecipient: r.masked_recipient,
    variables: r.variables,
    subject: r.subject,
    body: r.body,
    attempt: r.attempts,
    attemptLimit: r.attempt_limit,
    complaint: r.complaint,
    numberOptedOut: r.number_opted_out,
  }));
  return { claimed, waiting };
}

/**
 * A message as the staff API shows it. `to` is the recipient in full (E.164 number or address), as
 * the brief's contract has it: whoever may read the complaint already sees the complainant's
 * number. The timeline and the logs only ever carry it masked.
 */
export type NotificationView = {
  id: string;
  channel: MessageChannel;
  to: string;
  template: string;
  language: string;
  status: OutboxStatus;
  attempts: number;
  providerId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
};

type ViewRow = {
  id: string;
  complaint_id: string;
  hospital_id: string;
  channel: MessageChannel;
  recipient: string;
  template: string;
  language: string;
  status: OutboxStatus;
  attempts: number;
  provider_id: string | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
};

const VIEW_COLUMNS = 'id, complaint_id, hospital_id, channel, recipient, template, language, status, attempts, provider_id, last_error, created_at, updated_at';

function toView(r: ViewRow): NotificationView {
  return {
    id: r.id,
    channel: r.channel,
    to: r.recipient,
    template: r.template,
    language: r.language,
    status: r.status,
    attempts: r.attempts,
    providerId: r.provider_id,
    error: r.last_error,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
  };
}

/** A complaint's messages, oldest first (the integration API's `notifications`). */
export async function notificationsOf(q: Queryable, complaintId: string): Promise<NotificationView[]> {
  const { rows } = await q.query<ViewRow>(`SELECT ${VIEW_COLUMNS} FROM outbox_messages WHERE complaint_id = $1 ORDER BY created_at, n`, [complaintId]);
  return rows.map(toView);
}

export type ListedNotification = NotificationView & { complaintId: string; hospitalId: string };

/** Messages of some hospitals in one status (the dead letters staff look at), newest first. */
export async function listByStatus(q: Queryable, hospitalIds: readonly string[], status: OutboxStatus, limit: number): Promise<ListedNotification[]> {
  const { rows } = await q.query<ViewRow>(
    `SELECT ${VIEW_COLUMNS} FROM outbox_messages WHERE hospital_id = ANY($1::text[]) AND status = $2 ORDER BY updated_at DESC, id LIMIT $3`,
    [hospitalIds, status, limit],
  );
  return rows.map((r) => ({ ...toView(r), complaintId: r.complaint_id, hospitalId: r.hospital_id }));
}

export async function findMessage(q: Queryable, id: string): Promise<ListedNotification | null> {
  const { rows } = await q.query<ViewRow>(`SELECT ${VIEW_COLUMNS} FROM outbox_messages WHERE id = $1`, [id]);
  const r = rows[0];
  return r ? { ...toView(r), complaintId: r.complaint_id, hospitalId: r.hospital_id } : null;
}

/** Statuses a member of staff may send again: nothing reached the provider. */
export const RETRYABLE_STATUSES: readonly OutboxStatus[] = ['dead', 'not_sent'];

/** Queues a given-up message again with a fresh allowance of attempts (same id, same reference). */
export async function requeueMessage(tx: Tx, id: string, now: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE outbox_messages SET status = 'queued', attempt_limit = attempts + $2, lease_until = NULL, updated_at = $3
     WHERE id = $1 AND status = ANY($4::text[])`,
    [id, ATTEMPT_LIMIT, now, RETRYABLE_STATUSES],
  );
  if ((rowCount ?? 0) === 0) return false;
  await addDeliveryJobs(tx, [id]);
  return true;
}
