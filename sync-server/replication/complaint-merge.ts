import type { ComplaintDoc, DeskWritableField, TimelineEventDoc } from '../../shared/documents.ts';
import type { ComplaintStatus } from '../../shared/enums.ts';
import { ROLE_RULED_FIELDS, refusedChange, type ComplaintActor } from '../../shared/complaint-access.ts';
import { mergeComplaint, type LostEdit } from '../../shared/merge.ts';
import { allowedTransitions } from '../../shared/workflow.ts';
import { conflictEvent } from './conflict-events.ts';

/**
 * What the server does with one pushed complaint. Pure: the caller loads and writes rows.
 */
export type DueAt = (doc: ComplaintDoc) => number | null;

/** The workflow a complaint starts with; what a new complaint from a desk has beyond it was changed on the desk. */
const AT_INTAKE = { status: 'PENDING', assigneeId: null, resolution: null } as const;

/**
 * A new complaint from a desk, with the fields only the server decides set by the server. A desk
 * pushes a complaint's latest state, so one taken and then assigned or resolved offline arrives
 * already moved on: those moves are judged like an edit of the complaint as it was taken (the
 * workflow and the pushing user's role), and what is refused is a lost edit, on the timeline.
 */
export function acceptNewComplaint(incoming: ComplaintDoc, ctx: DeskEditContext): { doc: ComplaintDoc; conflictEvents: TimelineEventDoc[] } {
  const taken: ComplaintDoc = { ...incoming, ...AT_INTAKE };
  const edit = applyDeskEdit(taken, taken, incoming, ctx);
  const doc: ComplaintDoc = {
    ...edit.next,
    dueAt: ctx.dueAt(edit.next),
    overdue: false,
    reminderLevel: 0,
    escalationLevel: 0,
    lastReminderAt: null,
    escalatedAt: null,
    referenceConfirmed: true,
    trackingConfirmed: true,
  };
  return { doc, conflictEvents: edit.conflictEvents };
}

/**
 * True when `to` can be reached from `from` by allowed steps. An offline desk pushes only the
 * latest state of a complaint (RxDB collapses the writes made while offline), so a desk that went
 * PENDING → ASSIGNED → IN_PROGRESS offline arrives as PENDING → IN_PROGRESS; each step was
 * checked on the desk and recorded in its own timeline events. What this refuses is a change no
 * sequence of steps allows: leaving CLOSED or CANCELLED, or going back to PENDING.
 */
export function statusReachable(from: ComplaintStatus, to: ComplaintStatus): boolean {
  const seen = new Set<ComplaintStatus>([from]);
  const queue: ComplaintStatus[] = [from];
  while (queue.length > 0) {
    const s = queue.shift() as ComplaintStatus;
    for (const next of allowedTransitions(s)) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

const SLA_FIELDS = ['sourceCode', 'severity', 'priority', 'type'] as const;

export type DeskEditResult = {
  next: ComplaintDoc;
  /** The row must be written (something changed). */
  changed: boolean;
  lost: LostEdit[];
  conflictEvents: TimelineEventDoc[];
};

export type DeskEditContext = { deskId: string; now: number; dueAt: DueAt; actor: ComplaintActor };

export function applyDeskEdit(
  current: ComplaintDoc,
  assumed: ComplaintDoc | null,
  incoming: ComplaintDoc,
  ctx: DeskEditContext,
): DeskEditResult {
  const result = mergeComplaint(current, assumed, incoming);
  const next = result.merged;
  const changed = [...result.changed];
  const lost = [...result.lost];
  // A refused change loses like a clash: the server's value stays, the desk's is kept visible on
  // the timeline.
  const refuse = (field: DeskWritableField) => {
    lost.push({ field, kept: current[field], lost: incoming[field] });
    (next as Record<DeskWritableField, unknown>)[field] = current[field];
    changed.splice(changed.indexOf(field), 1);
  };
  if (changed.includes('status') && !statusReachable(current.status, next.status)) refuse('status');
  // The pushing user's role (issue 6), judged on the complaint as the server holds it.
  for (const field of ROLE_RULED_FIELDS) {
    if (changed.includes(field) && refusedChange(ctx.actor, current, field, next[field]) !== null) refuse(field);
  }
  // ASSIGNED goes with its assignment: a refused assignment leaves the status where it was too.
  const assignmentRefused = incoming.assigneeId !== current.assigneeId && next.assigneeId === current.assigneeId;
  if (assignmentRefused && changed.includes('status') && next.status === 'ASSIGNED') refuse('status');
  // A resolution goes with its status: a desk's RESOLVED that was not taken leaves its text out too.
  if (incoming.status !== current.status && next.status === current.status && changed.includes('resolution')) refuse('resolution');
  if (changed.length === 0) {
    next.updatedAt = current.updatedAt;
    next.updatedBy = current.updatedBy;
  }
  if (SLA_FIELDS.some((f) => changed.includes(f))) next.dueAt = ctx.dueAt(next);
  return {
    next,
    changed: changed.length > 0,
    lost,
    conflictEvents: lost.map((l) => conflictEvent(current, incoming, l, ctx.deskId, ctx.now)),
  };
}
