import type { ThresholdDoc } from '../../../shared/documents.ts';
import type { ActionTarget } from '../../../shared/sla/types.ts';
import type { Tx } from '../../db/pool.ts';
import { queueNotifications } from '../../notifications/enqueue.ts';

/**
 * A breached 'notify' threshold, as the notification outbox (sync-server/notifications/, being
 * built) will need it to queue a message in the survey response's transaction.
 */
export type ThresholdBreachNotice = {
  /** Stable for this survey response and threshold: use it as the outbox's idempotency key. */
  key: string;
  complaintId: string;
  hospitalId: string;
  referenceNumber: string;
  threshold: ThresholdDoc;
  score: number;
  comment: string | null;
  /** The threshold's target; `userId` resolved from the directory, null when nobody fits. */
  recipient: ActionTarget;
  /** The `survey_received` event the breach belongs to. */
  surveyEventId: string;
  at: number;
};

/**
 * A breached 'notify' threshold e-mails its target (template staff_threshold_breach) through the
 * notification outbox, in the survey response's transaction, keyed by `notice.key`. A target
 * nobody fits, or without an e-mail address, gets nothing; the `survey_received` event still
 * lists the breach.
 */
export async function notifyThresholdBreach(tx: Tx, notice: ThresholdBreachNotice): Promise<void> {
  const userId = notice.recipient.userId;
  if (userId === null) return;
  await queueNotifications(
    tx,
    [{ kind: 'threshold', causeId: notice.key, complaintId: notice.complaintId, userId, score: notice.score, comment: notice.comment }],
    new Map(),
    notice.at,
  );
}

export type NotifyHook = typeof notifyThresholdBreach;
