import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import type { EventType } from '../../shared/enums.ts';
import { dueAtOf, nextDue, resolvePolicy, scheduleFor } from '../../shared/sla/schedule.ts';
import type { ActionKind, ScheduledAction } from '../../shared/sla/types.ts';
import { canEscalate } from '../../shared/workflow.ts';
import type { HospitalDirectory, HospitalSla } from './context.ts';
import { slaEventId } from './event-ids.ts';
import { resolveTarget } from './targets.ts';

/**
 * What firing a complaint's due SLA actions does (pure; the caller locks, loads and writes).
 * The schedule itself is shared/sla/schedule.ts — the same code desks use to project it offline;
 * this only turns due actions into events and server-owned fields.
 */

/** An action fired this long after its due time is marked `late` (downtime, a backlog). */
export const LATE_AFTER_MS = 5_000;
/** A complaint never needs more steps than this in one go; a bound against a schedule that never settles. */
const MAX_STEPS = 50;
const KIND_ORDER: Record<ActionKind, number> = { first_reminder: 0, second_reminder: 1, overdue: 2, escalation: 3 };
const EVENT_TYPE: Record<ActionKind, EventType> = {
  first_reminder: 'sla_reminder',
  second_reminder: 'sla_reminder',
  overdue: 'sla_overdue',
  escalation: 'sla_escalated',
};

export function scheduleOf(doc: ComplaintDoc, events: readonly TimelineEventDoc[], sla: HospitalSla): ScheduledAction[] {
  const policy = resolvePolicy(doc, sla.configs, sla.defaults, sla.calendar);
  if (policy === null) return [];
  return scheduleFor({ complaint: doc, events, policy, rules: sla.rules, calendar: sla.calendar });
}

/**
 * The document with `dueAt` at the deadline of its current schedule (the same object when it is
 * already there). While the clock is paused before the deadline the schedule has no deadline yet
 * and the last one known stays.
 */
export function withDeadline(doc: ComplaintDoc, schedule: readonly ScheduledAction[]): ComplaintDoc {
  const deadline = dueAtOf(schedule);
  return deadline === null || deadline === doc.dueAt ? doc : { ...doc, dueAt: deadline };
}

export type FiredAction = {
  complaintId: string;
  hospitalId: string;
  key: string;
  kind: ActionKind;
  level: number;
  /** When it was due. */
  at: number;
  firedAt: number;
  late: boolean;
  /** Escalations: the user it went to, null when nobody fitted the target. */
  targetUserId: string | null;
  eventId: string;
};

export type FirePlan = {
  doc: ComplaintDoc;
  /** The document changed: write it. */
  changed: boolean;
  events: TimelineEventDoc[];
  fired: FiredAction[];
  /** The next pending action after these, to store as the complaint's due time. */
  next: ScheduledAction | null;
};

function byDueOrder(a: ScheduledAction, b: ScheduledAction): number {
  return a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.level - b.level;
}

function systemEvent(doc: ComplaintDoc, id: string, now: number, e: Pick<TimelineEventDoc, 'type' | 'field' | 'from' | 'to' | 'visibility' | 'data'>): TimelineEventDoc {
  return { id, complaintId: doc.id, hospitalId: doc.hospitalId, at: now, actorId: null, actorName: null, comment: null, ...e };
}

/** Applies one due action to the document; returns the events it makes. */
function fire(doc: ComplaintDoc, action: ScheduledAction, now: number, dir: HospitalDirectory): { doc: ComplaintDoc; events: TimelineEventDoc[]; fired: FiredAction } {
  const late = now - action.at > LATE_AFTER_MS;
  const base = { key: action.key, level: action.level, scheduledAt: action.at, late };
  const eventId = slaEventId(action.key, 'event', action.at);
  const fired: FiredAction = {
    complaintId: doc.id,
    hospitalId: doc.hospitalId,
    key: action.key,
    kind: action.kind,
    level: action.level,
    at: action.at,
    firedAt: now,
    late,
    targetUserId: null,
    eventId,
  };
  const type = EVENT_TYPE[action.kind];
  if (action.kind === 'first_reminder' || action.kind === 'second_reminder') {
    const next = { ...doc, reminderLevel: Math.max(doc.reminderLevel, action.level), lastReminderAt: now };
    const data = { ...base, assigneeId: doc.assigneeId };
    return { doc: next, events: [systemEvent(doc, eventId, now, { type, field: null, from: null, to: null, visibility: 'internal', data })], fired };
  }
  if (action.kind === 'overdue') {
    const next = { ...doc, overdue: true };
    return { doc: next, events: [systemEvent(doc, eventId, now, { type, field: null, from: null, to: null, visibility: 'internal', data: { ...base, dueAt: action.at } })], fired };
  }
  // Escalation: reassign to the target, set ESCALATED where the workflow allows, record the level.
  const requested = action.target ?? { role: 'department_manager' as const, userId: null };
  const userId = resolveTarget(requested, doc, dir);
  const assigneeId = userId ?? doc.assigneeId;
  const status = canEscalate(doc.status) ? 'ESCALATED' : doc.status;
  const next: ComplaintDoc = {
    ...doc,
    assigneeId,
    status,
    escalationLevel: Math.max(doc.escalationLevel, action.level),
    escalatedAt: now,
    // A change staff see (status, assignee) moves the complaint up "recently updated" lists; no
    // user made it, so the last editor stays in updatedBy.
    updatedAt: status !== doc.status || assigneeId !== doc.assigneeId ? Math.max(now, doc.updatedAt) : doc.updatedAt,
  };
  const data = { ...base, target: { role: requested.role, userId }, resolved: userId !== null, requestedUserId: requested.userId };
  // The escalation event is also the record of the reassignment (field assigneeId, from → to);
  // the status change gets its own status_changed event, as every status change does.
  const events = [
    systemEvent(doc, eventId, now, { type, field: 'assigneeId', from: doc.assigneeId, to: assigneeId, visibility: 'internal', data }),
  ];
  if (status !== doc.status) {
    events.push(
      systemEvent(doc, slaEventId(action.key, 'status', action.at), now, {
        type: 'status_changed',
        field: 'status',
        from: doc.status,
        to: status,
        visibility: 'public',
        data: { by: 'sla', key: action.key },
      }),
    );
  }
  return { doc: next, events, fired: { ...fired, targetUserId: userId } };
}

/**
 * Fires, oldest first, every action of the complaint that is pending and due at `now`, computing
 * the schedule again after each (a fired action can change what follows: an escalation moves
 * the level on). Actions are recognised as fired by their events on the timeline, so an action
 * already fired by another instance or before a restart is never fired again.
 */
export function planFiring(
  doc: ComplaintDoc,
  timeline: readonly TimelineEventDoc[],
  sla: HospitalSla,
  dir: HospitalDirectory,
  now: number,
): FirePlan {
  let current = doc;
  const events: TimelineEventDoc[] = [];
  const fired: FiredAction[] = [];
  const firedKeys = new Set<string>();
  let schedule = scheduleOf(current, timeline, sla);
  for (let step = 0; step < MAX_STEPS; step++) {
    const due = schedule.filter((a) => a.state === 'pending' && a.at <= now && !firedKeys.has(a.key)).sort(byDueOrder)[0];
    if (!due) break;
    const result = fire(current, due, now, dir);
    current = result.doc;
    events.push(...result.events);
    fired.push(result.fired);
    firedKeys.add(due.key);
    schedule = scheduleOf(current, [...timeline, ...events], sla);
  }
  current = withDeadline(current, schedule);
  const next = nextDue(schedule.filter((a) => !firedKeys.has(a.key)));
  return { doc: current, changed: current !== doc, events, fired, next };
}
