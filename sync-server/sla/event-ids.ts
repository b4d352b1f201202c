import { createHash } from 'node:crypto';
import { uuidv7 } from '../../shared/ids.ts';

/**
 * The id of an event the SLA engine writes for an action, derived from the action's stable key:
 * the same action always yields the same id, so however often it is attempted (a crash between
 * commit and anything else, two instances, a restart), the event is inserted once. Shaped as a
 * UUIDv7 stamped with the action's due time, so it sorts with the other ids of the timeline.
 */
export function slaEventId(actionKey: string, part: 'event' | 'status', at: number): string {
  const digest = createHash('sha256').update(`${actionKey}#${part}`).digest();
  return uuidv7(at, (n) => new Uint8Array(digest.subarray(0, n)));
}
