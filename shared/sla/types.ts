import type { CalendarDoc, EscalationRuleDoc, ExplanationRequestDoc, Holiday, WorkingHours } from '../documents.ts';
import type { EscalationTargetRole } from '../enums.ts';

export type { CalendarDoc, EscalationRuleDoc, ExplanationRequestDoc, Holiday, WorkingHours, EscalationTargetRole };

/**
 * The SLA that applies to one complaint, resolved with the brief's precedence (see
 * `resolvePolicy`). Hours are SLA-clock hours: business hours when `businessHours`, with the
 * WAITING_USER time left out when `pauseWhileWaiting`.
 */
export type SlaPolicy = {
  /** Id of the SLA configuration it came from; null = server default per severity or the 48 h fallback. */
  configId: string | null;
  slaHours: number;
  firstReminderHoursAfter: number | null;
  secondReminderHoursAfter: number | null;
  escalationHoursAfter: number | null;
  reminderHoursBefore: number;
  secondReminderEnabled: boolean;
  secondReminderHoursBefore: number;
  businessHours: boolean;
  pauseWhileWaiting: boolean;
};

export type ActionKind = 'first_reminder' | 'second_reminder' | 'overdue' | 'escalation';
export type ActionState = 'pending' | 'fired' | 'cancelled';
export type ActionTarget = { role: EscalationTargetRole; userId: string | null };

export type ScheduledAction = {
  /** `${complaintId}:${cycle}:${kind}:${level}`; the cycle counts reopens. Stable: use it as the idempotency key. */
  key: string;
  kind: ActionKind;
  /** Reminders 1 or 2, escalations ≥ 1, overdue 0. */
  level: number;
  /** Epoch ms when it is due. */
  at: number;
  /** Escalations only. */
  target: ActionTarget | null;
  /** fired = a matching sla_* event is on the timeline; cancelled = it will never be due. */
  state: ActionState;
  /** Why it is cancelled (null unless cancelled). */
  cancelledBy: 'stopped' | 'response' | null;
};

export type ExplanationActionKind = 'explanation_reminder' | 'explanation_overdue' | 'explanation_escalation';

export type ExplanationAction = {
  /** `${explanationRequestId}:${kind}:${level}`. */
  key: string;
  kind: ExplanationActionKind;
  /** 0 = the staff member asked; n = the n-th manager up the reports-to chain. */
  level: number;
  at: number;
  /** Who it goes to: the reminder to the holder of the level, the escalation to the next manager. */
  target: { role: 'named_user'; userId: string };
  state: ActionState;
  cancelledBy: 'stopped' | null;
};
