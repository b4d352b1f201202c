import type { Tx } from '../db/pool.ts';
import type { NewStaffNotification } from '../inbox/recipients.ts';
import { queueNotificationsDeferred } from '../notifications/enqueue.ts';
import type { FiredAction } from './plan.ts';

/**
 * Queues the e-mails (and, where a hospital turned them on, the complainant's reminder SMS) of
 * fired SLA actions in the scheduler's transaction, before its seq lock: first reminder and
 * second (URGENT) reminder to the assignee, overdue to the assignee and the department manager,
 * escalation to its target. Keyed by the action's event id, so a refired batch queues nothing new.
 * Answers the staff's in-app notifications, which the scheduler writes with its events under the
 * seq lock (inbox/store.ts `notifyUsers`): it prepares bursts before they are due and must not
 * hold that lock while it waits.
 */
export async function enqueueNotifications(tx: Tx, fired: readonly FiredAction[]): Promise<NewStaffNotification[]> {
  const first = fired[0];
  if (!first) return [];
  const queued = await queueNotificationsDeferred(
    tx,
    fired.map((f) => ({ kind: 'sla', causeId: f.eventId, complaintId: f.complaintId, action: f.kind, level: f.level, targetUserId: f.targetUserId })),
    new Map(),
    first.firedAt,
  );
  return queued.inApp;
}
