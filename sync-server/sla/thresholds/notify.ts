import type { ThresholdDoc } from '../../../shared/documents.ts';
import type { ActionTarget } from '../../../shared/sla/types.ts';
import type { Tx } from '../../db/pool.ts';

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
 * Where a breached 'notify' threshold queues its notification. The outbox does not exist yet:
 * until it does this records nothing and sends nothing — the `survey_received` event (which lists
 * the breached thresholds and their actions) is the only record of the breach.
 */
export async function notifyThresholdBreach(tx: Tx, notice: ThresholdBreachNotice): Promise<void> {
  void tx;
  void notice;
}

export type NotifyHook = typeof notifyThresholdBreach;
