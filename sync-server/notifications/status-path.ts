import type { TimelineEventDoc } from '../../shared/documents.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../shared/enums.ts';
import type { NotificationCause } from '../../shared/notifications/plan.ts';

/**
 * Which status changes really happened to the stored complaint (pure), so that only those tell
 * the complainant (issue 4: "only when the status really changed").
 *
 * Desks push a complaint and its immutable timeline events separately, in either order, and a
 * desk whose offline status change lost to another desk's still pushes its `status_changed`
 * events. So an event says what a desk did, not what the server kept. The stored status is the
 * truth: walking back from it — the latest event into the stored status, then the latest earlier
 * event into that event's `from`, and so on — gives the path that got the complaint there. A
 * losing desk's events lead somewhere else and are not on it.
 *
 * A step's message is keyed by the complaint, the status entered and how many times the path had
 * entered that status before (`causeId`), not by the event: two desks that both resolved the same
 * complaint offline made one change on the server, and planning the step from either event, from
 * the event push or from the complaint push, gives the same key and so one message.
 */
export type PathStep = { event: TimelineEventDoc; from: ComplaintStatus; to: ComplaintStatus; occurrence: number };

const STATUSES = new Set<string>(COMPLAINT_STATUSES);
const isStatus = (s: string | null): s is ComplaintStatus => s !== null && STATUSES.has(s);

/** Latest first: the event written later wins a tie of the same moment only by id (stable). */
const latestFirst = (a: TimelineEventDoc, b: TimelineEventDoc) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The steps that led to `status`, oldest first, from a complaint's status events (any order). */
export function statusPath(status: ComplaintStatus, events: readonly TimelineEventDoc[]): PathStep[] {
  const back: { event: TimelineEventDoc; from: ComplaintStatus; to: ComplaintStatus }[] = [];
  let current: ComplaintStatus = status;
  for (const e of [...events].sort(latestFirst)) {
    if (e.type !== 'status_changed' || !isStatus(e.from) || !isStatus(e.to) || e.from === e.to) continue;
    if (e.to !== current) continue;
    back.push({ event: e, from: e.from, to: e.to });
    current = e.from;
  }
  const seen = new Map<ComplaintStatus, number>();
  return back.reverse().map((s) => {
    const occurrence = seen.get(s.to) ?? 0;
    seen.set(s.to, occurrence + 1);
    return { ...s, occurrence };
  });
}

/**
 * The steps a write made real. `since` is what the write changed:
 * - `{ from }`: the stored status went from `from` (null: the complaint is new) to the path's end —
 *   the steps after the path last left `from`;
 * - `{ arrived }`: events were inserted into a complaint that already had its status — the steps
 *   from the first of them on (a step planned before keeps its key and queues nothing again).
 */
export type StatusChangeSince = { from: ComplaintStatus | null } | { arrived: ReadonlySet<string> };

export function newSteps(path: readonly PathStep[], since: StatusChangeSince): PathStep[] {
  if ('arrived' in since) {
    const first = path.findIndex((s) => since.arrived.has(s.event.id));
    return first < 0 ? [] : path.slice(first);
  }
  if (since.from === null) return [...path];
  let start = path.length;
  while (start > 0 && path[start - 1]?.from !== since.from) start--;
  // The path may not reach back to `from` yet (events still to come): what it has is newer.
  return path.slice(start > 0 ? start - 1 : 0);
}

/**
 * No summary of its own: the event on the path may be a losing desk's that took the same step
 * (both resolved, the other's text was kept), so the resolution SMS says the stored resolution.
 */
export function statusCause(complaintId: string, step: PathStep): NotificationCause {
  return { kind: 'status', causeId: `status:${complaintId}:${step.to}:${step.occurrence}`, complaintId, to: step.to, summary: null };
}
