import type { ComplaintDoc, SlaConfigDoc, TimelineEventDoc } from '../documents.ts';
import type { SeverityDefaults } from '../sla.ts';
import { isActive } from '../workflow.ts';
import { slaClock } from './clock.ts';
import { escalationChain, type Planned, type ReminderPoint } from './escalation.ts';
import { firstReminderHours, resolvePolicy, secondReminderHours } from './policy.ts';
import { actionKey, byTime, cyclesOf, firedActions, isResponse, waitingIntervals } from './timeline.ts';
import type { ActionKind, CalendarDoc, EscalationRuleDoc, ScheduledAction, SlaPolicy } from './types.ts';

/**
 * THE SLA SCHEDULE of a complaint: a pure function of the complaint, its timeline, its policy,
 * the hospital's escalation rules and calendar. The server fires what is due; the desk shows the
 * same list, projected offline, beside the sla_* events the server recorded.
 *
 * Clock. A cycle starts at the complaint's creation (`createdAt`); each reopen (RESOLVED → an
 * active status) starts a new cycle measured from the reopen, and only the current cycle is
 * listed (keys carry the cycle, so a reopened complaint's actions never collide with the old
 * ones). Hours are SLA-clock hours from the cycle start: business hours on the hospital calendar
 * when the policy says so (round the clock otherwise), without the time spent in WAITING_USER
 * when `pauseWhileWaiting` (intervals from status_changed events). While a complaint still waits,
 * the actions that fall after the pause began have no time yet and are left out.
 *
 * Actions (hours after the cycle start):
 *   first_reminder (level 1)  firstReminderHoursAfter, else slaHours − reminderHoursBefore;
 *                             cancelled by a response before it (see `isResponse`).
 *   second_reminder (level 2) secondReminderHoursAfter, else slaHours − secondReminderHoursBefore
 *                             when secondReminderEnabled. Not cancelled by a response.
 *   overdue (level 0)         slaHours: the deadline (the server's `dueAt`).
 *   escalation (level ≥ 1)    see `escalationChain` in escalation.ts (source escalation, overdue
 *                             and reminder rules, one action per level up to maxLevel).
 * A reminder or escalation computed at 0 h or less is not scheduled. Passing the deadline cancels
 * nothing: reminders go on until the complaint is finished (brief §3).
 *
 * State. `fired` when the timeline has its sla_reminder / sla_overdue / sla_escalated event
 * (`data.key` = the action's key; see timeline.ts for events without a key); otherwise
 * `cancelled` when the complaint is RESOLVED, CLOSED or CANCELLED (cancelledBy 'stopped') or a
 * response cancelled it ('response'); otherwise `pending`, whether or not its time has come.
 * Appreciations (policy null) have no actions. A change of source, severity or priority changes
 * the policy and the rule filters, so the list is simply recomputed from the new complaint.
 */

export { isResponse, RESPONSE_EVENT_TYPES } from './timeline.ts';
export { resolvePolicy } from './policy.ts';

export type ScheduleInput = {
  complaint: ComplaintDoc;
  /** The complaint's timeline; events of other complaints are ignored, order does not matter. */
  events: readonly TimelineEventDoc[];
  policy: SlaPolicy | null;
  rules: readonly EscalationRuleDoc[];
  calendar: CalendarDoc | null;
};

const KIND_ORDER: Record<ActionKind, number> = { first_reminder: 0, second_reminder: 1, overdue: 2, escalation: 3 };

export function scheduleFor(input: ScheduleInput): ScheduledAction[] {
  const { complaint, policy } = input;
  if (policy === null || complaint.type === 'appreciation') return [];
  const sorted = byTime(input.events.filter((e) => e.complaintId === complaint.id));
  const cycles = cyclesOf(complaint, sorted);
  const cycle = cycles[cycles.length - 1] ?? { index: 0, start: complaint.createdAt, eventId: null };
  const pauses = policy.pauseWhileWaiting ? waitingIntervals(sorted, cycle.start) : [];
  const clock = slaClock(cycle.start, pauses, policy.businessHours ? input.calendar : null);
  const responses = sorted.filter((e) => e.at > cycle.start && e.id !== cycle.eventId && isResponse(e)).map((e) => e.at);
  const respondedBetween = (a: number, b: number): boolean => responses.some((t) => t > a && t <= b);

  const planned: Planned[] = [];
  const reminders: ReminderPoint[] = [];
  const first = firstReminderHours(policy);
  if (first !== null) {
    const at = clock.at(first);
    const dead = respondedBetween(cycle.start, at ?? Number.POSITIVE_INFINITY);
    planned.push({ kind: 'first_reminder', level: 1, at, target: null, dead });
    reminders.push({ hours: first, at, dead });
  }
  const second = secondReminderHours(policy);
  if (second !== null) {
    const at = clock.at(second);
    planned.push({ kind: 'second_reminder', level: 2, at, target: null, dead: false });
    reminders.push({ hours: second, at, dead: false });
  }
  planned.push({ kind: 'overdue', level: 0, at: clock.at(policy.slaHours), target: null, dead: false });
  planned.push(...escalationChain({ complaint, policy, rules: input.rules, clock, cycleStart: cycle.start, reminders, respondedBetween }));

  const fired = firedActions(complaint.id, sorted, cycles);
  const stopped = !isActive(complaint.status);
  const out: ScheduledAction[] = [];
  for (const p of planned) {
    const key = actionKey(complaint.id, cycle.index, p.kind, p.level);
    const firedAt = fired.get(key);
    const at = p.at ?? firedAt;
    if (at === undefined) continue;
    const state = firedAt !== undefined ? 'fired' : p.dead || stopped ? 'cancelled' : 'pending';
    const cancelledBy = state !== 'cancelled' ? null : p.dead ? 'response' : 'stopped';
    out.push({ key, kind: p.kind, level: p.level, at, target: p.target, state, cancelledBy });
  }
  return out.sort((a, b) => a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.level - b.level);
}

/** The earliest pending action (due or not), or null. */
export function nextDue(actions: readonly ScheduledAction[]): ScheduledAction | null {
  let best: ScheduledAction | null = null;
  for (const a of actions) if (a.state === 'pending' && (best === null || a.at < best.at)) best = a;
  return best;
}

/** Pending actions whose time has come at `now`, oldest first: what a scheduler fires. */
export function dueActions(actions: readonly ScheduledAction[], now: number): ScheduledAction[] {
  return actions.filter((a) => a.state === 'pending' && a.at <= now);
}

/** The deadline of the current cycle (the overdue action's time), or null (appreciation, or paused before it). */
export function dueAtOf(actions: readonly ScheduledAction[]): number | null {
  return actions.find((a) => a.kind === 'overdue')?.at ?? null;
}

/** resolvePolicy + scheduleFor in one call, for callers that hold the raw configuration. */
export function scheduleForComplaint(input: Omit<ScheduleInput, 'policy'> & {
  configs: readonly SlaConfigDoc[];
  severityDefaults?: SeverityDefaults;
}): ScheduledAction[] {
  const policy = resolvePolicy(input.complaint, input.configs, input.severityDefaults ?? {}, input.calendar);
  return scheduleFor({ ...input, policy });
}
