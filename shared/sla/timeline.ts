import type { ComplaintDoc, TimelineEventDoc } from '../documents.ts';
import type { ComplaintStatus, EventType } from '../enums.ts';
import { isActive } from '../workflow.ts';
import type { ActionKind } from './types.ts';

/** What a complaint's timeline says about its SLA: cycles, waiting time, responses, fired actions. */

/**
 * A RESPONSE is what the source documents call "a response has been received": a staff member
 * (an event with an actor; the system's own events never count) acting on the complaint after the
 * cycle began, by
 *   - changing its status to one that shows work on it (anything but PENDING or ASSIGNED:
 *     IN_PROGRESS, WAITING_USER, ESCALATED, RESOLVED, CLOSED, CANCELLED),
 *   - replying to the complainant (`reply`), or
 *   - writing an internal note (`note`).
 * An assignment is NOT a response: routing a complaint to someone is what the reminder follows up
 * on, so counting it would silence every reminder of a promptly assigned complaint.
 * A response cancels the first reminder and the source-based escalation ("24 h if no response")
 * when it comes before them, and a reminder-based escalation when it comes after that reminder.
 */
export const RESPONSE_EVENT_TYPES = ['status_changed', 'reply', 'note'] as const satisfies readonly EventType[];
const ROUTING_STATUSES: readonly string[] = ['PENDING', 'ASSIGNED'] satisfies ComplaintStatus[];

export function isResponse(event: TimelineEventDoc): boolean {
  if (event.actorId === null) return false;
  if (event.type === 'status_changed') return event.to !== null && !ROUTING_STATUSES.includes(event.to);
  return event.type === 'reply' || event.type === 'note';
}

export function byTime(events: readonly TimelineEventDoc[]): TimelineEventDoc[] {
  return [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const isStatus = (s: string | null): s is ComplaintStatus =>
  s === 'PENDING' || s === 'ASSIGNED' || s === 'IN_PROGRESS' || s === 'WAITING_USER' ||
  s === 'ESCALATED' || s === 'RESOLVED' || s === 'CLOSED' || s === 'CANCELLED';

/** A reopen is a status change from a finished status back to an active one (RESOLVED → IN_PROGRESS). */
export function isReopen(event: TimelineEventDoc): boolean {
  return event.type === 'status_changed' && isStatus(event.from) && isStatus(event.to) && !isActive(event.from) && isActive(event.to);
}

export type Cycle = { index: number; start: number; eventId: string | null };

/** Cycle 0 starts at creation; each reopen starts the next one, measured from the reopen. */
export function cyclesOf(complaint: ComplaintDoc, sorted: readonly TimelineEventDoc[]): Cycle[] {
  const cycles: Cycle[] = [{ index: 0, start: complaint.createdAt, eventId: null }];
  for (const e of sorted) {
    if (isReopen(e)) cycles.push({ index: cycles.length, start: Math.max(complaint.createdAt, e.at), eventId: e.id });
  }
  return cycles;
}

export function cycleAt(cycles: readonly Cycle[], at: number): number {
  let index = 0;
  for (const c of cycles) if (c.start <= at) index = c.index;
  return index;
}

/** WAITING_USER intervals [start, end) after `from`; end null while still waiting. */
export function waitingIntervals(sorted: readonly TimelineEventDoc[], from: number): [number, number | null][] {
  const out: [number, number | null][] = [];
  let open: number | null = null;
  for (const e of sorted) {
    if (e.type !== 'status_changed' || e.at < from) continue;
    if (e.to === 'WAITING_USER') open ??= e.at;
    else if (open !== null) {
      out.push([open, e.at]);
      open = null;
    }
  }
  if (open !== null) out.push([open, null]);
  return out;
}

export function actionKey(complaintId: string, cycle: number, kind: ActionKind, level: number): string {
  return `${complaintId}:${cycle}:${kind}:${level}`;
}

/**
 * The keys of actions already carried out, with the time of the event that recorded each:
 * `sla_reminder` (data.level 1|2), `sla_overdue`, `sla_escalated` (data.level). The event's
 * `data.key` names the action; an event without one (an older or hand-made record) counts for
 * the action of its kind and level in the cycle it happened in.
 */
export function firedActions(complaintId: string, sorted: readonly TimelineEventDoc[], cycles: readonly Cycle[]): Map<string, number> {
  const fired = new Map<string, number>();
  for (const e of sorted) {
    if (e.type !== 'sla_reminder' && e.type !== 'sla_overdue' && e.type !== 'sla_escalated') continue;
    const key = e.data.key;
    if (typeof key === 'string' && key.length > 0) {
      if (!fired.has(key)) fired.set(key, e.at);
      continue;
    }
    const level = typeof e.data.level === 'number' ? e.data.level : Number(e.data.level ?? 0);
    const kind: ActionKind | null =
      e.type === 'sla_overdue' ? 'overdue'
        : e.type === 'sla_escalated' ? 'escalation'
          : level === 1 ? 'first_reminder' : level === 2 ? 'second_reminder' : null;
    if (kind === null) continue;
    const k = actionKey(complaintId, cycleAt(cycles, e.at), kind, kind === 'overdue' ? 0 : level);
    if (!fired.has(k)) fired.set(k, e.at);
  }
  return fired;
}
