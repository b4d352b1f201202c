import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { maskPhone } from '../../shared/phone.ts';
import { lockComplaintsByPhone } from './contacts.ts';
import { writeComplaint } from '../complaints/store.ts';
import type { Tx } from '../db/pool.ts';
import { slaEventId } from '../sla/event-ids.ts';
import { communicationEvent, writeCommunicationEvents } from './record.ts';
import type { ClaimedMessage } from './store.ts';

/**
 * What the SMS provider tells us: delivery receipts and replies. A receipt moves a sent message to
 * `delivered` or `failed` (with a communication event); a STOP reply opts the number out of every
 * SMS, now and for complaints taken later, and sets the staff-visible opt-out on its complaints.
 */
export type ReceiptStatus = 'delivered' | 'failed';

export function receiptStatusOf(raw: string): ReceiptStatus | null {
  const s = raw.trim().toLowerCase();
  if (s === 'delivered' || s === 'delivrd') return 'delivered';
  if (['failed', 'undelivered', 'undeliv', 'rejected', 'expired'].includes(s)) return 'failed';
  return null;
}

export type ReceiptResult = 'updated' | 'unchanged' | 'unknown' | 'not_sent_yet';

export async function applyReceipt(
  tx: Tx,
  receipt: { reference: string | null; providerId: string | null; status: ReceiptStatus; error: string | null },
  now: number,
): Promise<ReceiptResult> {
  const { rows } = await tx.query<{
    id: string; hospital_id: string; complaint_id: string; channel: ClaimedMessage['channel']; template: ClaimedMessage['template'];
    language: ClaimedMessage['language']; masked_recipient: string; recipient_ref: string; attempts: number; status: string; provider_id: string | null;
  }>(
    `SELECT id, hospital_id, complaint_id, channel, template, language, masked_recipient, recipient_ref, attempts, status, provider_id
     FROM outbox_messages WHERE channel = 'sms' AND (id = $1 OR ($1::text IS NULL AND provider_id = $2)) LIMIT 1 FOR UPDATE`,
    [receipt.reference, receipt.providerId],
  );
  const m = rows[0];
  if (!m) return 'unknown';
  // The answer to our request is recorded a moment after the provider has it; the provider
  // retries a receipt it could not deliver, by which time it has been.
  if (m.status === 'sending' || m.status === 'queued' || m.status === 'retrying') return 'not_sent_yet';
  if (m.status === receipt.status || !['sent', 'delivered', 'failed'].includes(m.status)) return 'unchanged';
  await tx.query(
    `UPDATE outbox_messages SET status = $2, delivered_at = CASE WHEN $2 = 'delivered' THEN $3::bigint ELSE delivered_at END,
       last_error = CASE WHEN $2 = 'failed' THEN $4 ELSE last_error END, updated_at = $3 WHERE id = $1`,
    [m.id, receipt.status, now, receipt.error ?? 'the provider could not deliver it'],
  );
  await writeCommunicationEvents(tx, [
    communicationEvent(
      {
        message: {
          id: m.id, hospitalId: m.hospital_id, complaintId: m.complaint_id, channel: m.channel, template: m.template,
          language: m.language, maskedRecipient: m.masked_recipient, recipientRef: m.recipient_ref, attempt: m.attempts,
        },
        status: receipt.status,
        eventStatus: receipt.status === 'delivered' ? 'delivered' : 'undelivered',
        providerId: m.provider_id,
        error: receipt.status === 'failed' ? (receipt.error ?? 'the provider could not deliver it') : null,
        subject: null,
        body: null,
        at: now,
      },
      `receipt:${receipt.status}`,
    ),
  ]);
  return 'updated';
}

const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'إيقاف', 'ايقاف', 'توقف', 'إلغاء', 'الغاء']);
const START_WORDS = new Set(['start', 'unstop', 'ابدأ', 'ابدا', 'اشتراك']);

export type InboundAction = 'opted_out' | 'opted_in' | 'ignored';

export function inboundActionOf(text: string): InboundAction {
  const word = text.trim().toLowerCase().replace(/[.!]+$/, '');
  if (STOP_WORDS.has(word)) return 'opted_out';
  if (START_WORDS.has(word)) return 'opted_in';
  return 'ignored';
}

/**
 * A reply from `phone` (E.164). STOP: remembered for the number, and every complaint of that
 * number gets `complainant.smsOptOut` (what staff see and can turn back), with an inbound
 * communication event. START: the number-wide opt-out is lifted; a complaint's own toggle stays
 * as staff left it.
 */
export async function applyInbound(tx: Tx, phone: string, action: InboundAction, now: number): Promise<number> {
  if (action === 'ignored') return 0;
  if (action === 'opted_in') {
    await tx.query('DELETE FROM sms_opt_outs WHERE phone = $1', [phone]);
    return 0;
  }
  await tx.query('INSERT INTO sms_opt_outs (phone, at) VALUES ($1, $2) ON CONFLICT (phone) DO NOTHING', [phone, now]);
  // Complaint rows first, then the seq lock (taken by the first write).
  const docs = await lockComplaintsByPhone(tx, phone);
  const changed = docs.filter((d) => !d.complainant.smsOptOut);
  const events: TimelineEventDoc[] = changed.map((d) => ({
    id: slaEventId(`sms-stop:${d.id}:${phone}:${now}`, 'event', now),
    complaintId: d.id,
    hospitalId: d.hospitalId,
    type: 'communication',
    at: now,
    actorId: null,
    actorName: null,
    field: null,
    from: null,
    to: null,
    comment: null,
    visibility: 'internal',
    data: { channel: 'sms', direction: 'inbound', template: null, to: maskPhone(phone), status: 'opted_out', recipient: 'complainant', shownToComplainant: false },
  }));
  for (const d of changed) {
    const next: ComplaintDoc = { ...d, complainant: { ...d.complainant, smsOptOut: true }, updatedAt: Math.max(now, d.updatedAt) };
    await writeComplaint(tx, next);
  }
  await writeCommunicationEvents(tx, events);
  return changed.length;
}
