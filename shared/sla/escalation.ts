import type { ComplaintDoc } from '../documents.ts';
import type { SlaClock } from './clock.ts';
import type { ActionKind, ActionTarget, EscalationRuleDoc, SlaPolicy } from './types.ts';

/** One action before its state is known: `at` null = beyond a pause that has not ended; dead = a response cancelled it. */
export type Planned = { kind: ActionKind; level: number; at: number | null; target: ActionTarget | null; dead: boolean };
export type ReminderPoint = { hours: number; at: number | null; dead: boolean };

export type ChainContext = {
  complaint: ComplaintDoc;
  policy: SlaPolicy;
  rules: readonly EscalationRuleDoc[];
  clock: SlaClock;
  cycleStart: number;
  reminders: readonly ReminderPoint[];
  /** Whether a response happened in (a, b]. */
  respondedBetween(a: number, b: number): boolean;
};

/** The hospital's active rules whose severity and priority filters let this complaint through. */
export function matchingRules(complaint: ComplaintDoc, rules: readonly EscalationRuleDoc[]): EscalationRuleDoc[] {
  return rules
    .filter((r) =>
      r.active && r.hospitalId === complaint.hospitalId && r.level <= r.maxLevel &&
      (r.severityFilter === null || r.severityFilter === complaint.severity) &&
      (r.priorityFilter === null || r.priorityFilter === complaint.priority))
    .sort((a, b) => a.level - b.level || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type Trigger = { at: number | null; dead: boolean; target: ActionTarget; fromRule: boolean };
const DEPARTMENT_MANAGER: ActionTarget = { role: 'department_manager', userId: null };
const later = (t: Trigger): number => t.at ?? Number.POSITIVE_INFINITY;

function earliest(triggers: readonly Trigger[]): Trigger | undefined {
  // On a tie the configured rule wins over the source's built-in escalation, so its target is used.
  return [...triggers].sort((a, b) => later(a) - later(b) || Number(b.fromRule) - Number(a.fromRule))[0];
}

/**
 * The escalation levels of one cycle. Level n is due at the earliest of its live triggers:
 *   - level 1 only: the source-based `escalationHoursAfter` (to the department manager), unless a
 *     response came first ("escalate after 24 h if no response has been received");
 *   - the level-n rule's overdue trigger: deadline + `triggerHoursOverdue`;
 *   - the level-n rule's reminder trigger: each reminder that goes out + `reminderEscalationHours`,
 *     unless a response came after that reminder.
 * Of the matching rules of a level the smallest `order` is used. Levels go one after the other
 * (never earlier than the level before), up to the smallest `maxLevel` of the matching rules. The
 * chain ends at a level with no trigger, and after a level whose every trigger a response cancelled
 * (source document 002: only the level after the current one can fire).
 */
export function escalationChain(ctx: ChainContext): Planned[] {
  const { policy, clock } = ctx;
  const rules = matchingRules(ctx.complaint, ctx.rules);
  const cap = rules.length > 0 ? Math.min(...rules.map((r) => r.maxLevel)) : 1;
  const out: Planned[] = [];
  let previous = ctx.cycleStart;
  for (let level = 1; level <= cap; level++) {
    const rule = rules.find((r) => r.level === level);
    const triggers: Trigger[] = [];
    if (level === 1 && policy.escalationHoursAfter !== null) {
      const at = clock.at(policy.escalationHoursAfter);
      const dead = ctx.respondedBetween(ctx.cycleStart, at ?? Number.POSITIVE_INFINITY);
      triggers.push({ at, dead, target: DEPARTMENT_MANAGER, fromRule: false });
    }
    if (rule) {
      const target: ActionTarget = { role: rule.targetRole, userId: rule.targetRole === 'named_user' ? rule.targetUserId : null };
      if (rule.triggerOnOverdue) {
        triggers.push({ at: clock.at(policy.slaHours + rule.triggerHoursOverdue), dead: false, target, fromRule: true });
      }
      if (rule.reminderEscalationEnabled) {
        for (const r of ctx.reminders) {
          if (r.dead) continue;
          const at = clock.at(r.hours + rule.reminderEscalationHours);
          const dead = r.at !== null && ctx.respondedBetween(r.at, at ?? Number.POSITIVE_INFINITY);
          triggers.push({ at, dead, target, fromRule: true });
        }
      }
    }
    const live = triggers.filter((t) => !t.dead);
    const pick = earliest(live.length > 0 ? live : triggers);
    if (!pick) break;
    const at = pick.at === null ? null : Math.max(pick.at, previous);
    out.push({ kind: 'escalation', level, at, target: pick.target, dead: live.length === 0 });
    if (live.length === 0 || at === null) break;
    previous = at;
  }
  return out;
}
