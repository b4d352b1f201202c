import type { Tx } from '../db/pool.ts';
import type { FiredAction } from './plan.ts';

/**
 * Where fired SLA actions will queue their SMS and e-mail (reminder to the assignee, escalation to
 * the target, …) in the same transaction as their events. The notification outbox is a later
 * issue: until it exists this records nothing and nothing is sent — the timeline events are the
 * only record of a fired action.
 */
export async function enqueueNotifications(tx: Tx, fired: readonly FiredAction[]): Promise<void> {
  void tx;
  void fired;
}
