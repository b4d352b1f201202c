import type { TimelineEventDoc } from '../../shared/documents.ts';
import { withTx, type Pool, type Tx } from '../db/pool.ts';
import { writeReplicatedMany } from '../db/replicated.ts';
import { slaEventId } from '../sla/event-ids.ts';
import type { ClaimedMessage, OutboxStatus } from './store.ts';

/**
 * Recording what attempts came to: the outbox row and, for each attempt, a `communication` event
 * on the complaint's timeline (internal; the public page shows only `shownToComplainant` ones, as
 * "we sent you an SMS"). Many attempts are recorded in one transaction (the outbox rows in one
 * statement before the seq lock, the events in one after it), which is what lets delivery keep
 * up with a burst. A row is updated only if it is still this attempt's: an attempt that outlived
 * its lease and was superseded records nothing.
 */
export type EventStatus = 'sent' | 'failed' | 'dead' | 'not_sent' | 'interrupted' | 'delivered' | 'undelivered';

export type AttemptResult = {
  message: Pick<ClaimedMessage, 'id' | 'hospitalId' | 'complaintId' | 'channel' | 'template' | 'language' | 'maskedRecipient' | 'recipientRef' | 'attempt'>;
  status: OutboxStatus;
  /** Null: no timeline event (an opt-out found at sending time is not an attempt). */
  eventStatus: EventStatus | null;
  providerId: string | null;
  error: string | null;
  subject: string | null;
  body: string | null;
  at: number;
};

const TERMINAL_WITHOUT_RETRY: readonly OutboxStatus[] = ['sent', 'delivered', 'not_sent', 'opted_out'];

export function communicationEvent(r: AttemptResult, kind: string = `attempt:${r.message.attempt}`): TimelineEventDoc {
  const m = r.message;
  const toComplainant = m.recipientRef === 'complainant';
  return {
    id: slaEventId(`outbox:${m.id}:${kind}`, 'event', r.at),
    complaintId: m.complaintId,
    hospitalId: m.hospitalId,
    type: 'communication',
    at: r.at,
    actorId: null,
    actorName: null,
    field: null,
    from: null,
    to: null,
    comment: null,
    visibility: 'internal',
    data: {
      messageId: m.id,
      channel: m.channel,
      template: m.template,
      language: m.language,
      to: m.maskedRecipient,
      recipient: toComplainant ? 'complainant' : 'staff',
      status: r.eventStatus,
      attempt: m.attempt,
      providerId: r.providerId,
      error: r.error,
      // What the public timeline may show: a message that reached the complainant's provider.
      shownToComplainant: toComplainant && r.eventStatus === 'sent',
    },
  };
}

export async function writeCommunicationEvents(tx: Tx, events: readonly TimelineEventDoc[]): Promise<void> {
  await writeReplicatedMany(
    tx,
    'events',
    events.map((e) => ({ id: e.id, hospitalId: e.hospitalId, doc: e, columns: { complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility } })),
    { onConflict: 'nothing' },
  );
}

export async function recordAttempts(pool: Pool, results: readonly AttemptResult[]): Promise<void> {
  if (results.length === 0) return;
  await withTx(pool, async (tx) => {
    const rows = results.map((r) => ({
      id: r.message.id,
      attempts: r.message.attempt,
      status: r.status,
      provider_id: r.providerId,
      last_error: r.error,
      subject: r.subject,
      body: r.body,
      updated_at: r.at,
      sent_at: r.status === 'sent' ? r.at : null,
    }));
    const { rows: matched } = await tx.query<{ id: string }>(
      `UPDATE outbox_messages m
       SET status = r.status, provider_id = coalesce(r.provider_id, m.provider_id), last_error = r.last_error,
           subject = coalesce(r.subject, m.subject), body = coalesce(r.body, m.body), lease_until = NULL,
           updated_at = r.updated_at, sent_at = coalesce(m.sent_at, r.sent_at),
           -- An explanation link's token is kept only until its e-mail has gone.
           variables = CASE WHEN r.status = ANY($2::text[]) THEN m.variables - 'token' ELSE m.variables END
       FROM json_populate_recordset(NULL::outbox_messages, $1::json) AS r
       WHERE m.id = r.id AND m.attempts = r.attempts AND m.status = 'sending'
       RETURNING m.id`,
      [JSON.stringify(rows), TERMINAL_WITHOUT_RETRY],
    );
    const ok = new Set(matched.map((r) => r.id));
    const events = results.filter((r) => r.eventStatus !== null && ok.has(r.message.id)).map((r) => communicationEvent(r));
    await writeCommunicationEvents(tx, events);
  });
}
