import type { StaffDoc, TimelineEventDoc } from '../documents.ts';
import { addBusinessHours } from './calendar.ts';
import type { CalendarDoc, ExplanationAction, ExplanationActionKind, ExplanationRequestDoc } from './types.ts';

/**
 * The schedule of a staff explanation request (brief §3, source document 002). Level 0 is the
 * staff member asked; level n is the n-th manager up the reports-to chain.
 *   explanation_reminder (level n)   reminderHoursBefore before that level's deadline (if after its start)
 *   explanation_overdue (level n)    responseHours after the level started (the request, or its escalation)
 *   explanation_escalation (level n) escalationHoursOverdue after level n−1's deadline, to the next
 *                                    manager, when autoEscalate, up to maxLevel, while there is a manager
 * Inactive managers are passed over (their own manager takes the level); a loop in the chain ends it.
 * Hours are business hours when a calendar is given (round the clock with null). Once the request
 * is received or cancelled, whatever has not fired is cancelled. Fired = an event on the complaint's
 * timeline whose `data.key` is the action's key (the server records them as sla_reminder /
 * sla_overdue / sla_escalated with `data.explanationId`).
 */

export const DEFAULT_EXPLANATION_RESPONSE_HOURS = 48;
export const DEFAULT_EXPLANATION_REMINDER_HOURS_BEFORE = 12;
export const DEFAULT_EXPLANATION_MAX_LEVEL = 3;

export type ExplanationScheduleInput = {
  request: ExplanationRequestDoc;
  staff: readonly StaffDoc[];
  events: readonly TimelineEventDoc[];
  calendar: CalendarDoc | null;
};

export function explanationKey(requestId: string, kind: ExplanationActionKind, level: number): string {
  return `${requestId}:${kind}:${level}`;
}

/** The staff member's managers, nearest first, skipping inactive ones, at most `max`. */
export function managerChain(staffId: string, staff: readonly StaffDoc[], max: number): string[] {
  const byId = new Map(staff.map((s) => [s.id, s]));
  const seen = new Set<string>([staffId]);
  const chain: string[] = [];
  let current = byId.get(staffId)?.reportsToId ?? null;
  while (current !== null && chain.length < max && !seen.has(current)) {
    seen.add(current);
    const person = byId.get(current);
    if (!person) break;
    if (person.active) chain.push(person.id);
    current = person.reportsToId;
  }
  return chain;
}

export function explanationScheduleFor(input: ExplanationScheduleInput): ExplanationAction[] {
  const { request: r, calendar } = input;
  const holders = [r.staffId, ...(r.autoEscalate ? managerChain(r.staffId, input.staff, r.maxLevel) : [])];
  const fired = new Map<string, number>();
  for (const e of input.events) {
    const key = e.data.key;
    if (typeof key === 'string' && !fired.has(key)) fired.set(key, e.at);
  }
  const stopped = r.status !== 'pending';
  const out: ExplanationAction[] = [];
  const push = (kind: ExplanationActionKind, level: number, at: number, userId: string): void => {
    const key = explanationKey(r.id, kind, level);
    const state = fired.has(key) ? 'fired' : stopped ? 'cancelled' : 'pending';
    out.push({ key, kind, level, at, target: { role: 'named_user', userId }, state, cancelledBy: state === 'cancelled' ? 'stopped' : null });
  };
  let start = r.requestedAt;
  holders.forEach((userId, level) => {
    if (level > 0) {
      start = addBusinessHours(calendar, start, r.escalationHoursOverdue);
      push('explanation_escalation', level, start, userId);
    }
    const reminderHours = r.responseHours - r.reminderHoursBefore;
    if (reminderHours > 0) push('explanation_reminder', level, addBusinessHours(calendar, start, reminderHours), userId);
    start = addBusinessHours(calendar, start, r.responseHours);
    push('explanation_overdue', level, start, userId);
  });
  return out.sort((a, b) => a.at - b.at || a.level - b.level);
}
