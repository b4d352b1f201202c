import type { ComplaintDoc, SlaConfigDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import type { Priority, Severity } from '../../../shared/enums.ts';
import { FALLBACK_SLA_HOURS, slaConfigFor, type SeverityDefaults } from '../../../shared/sla.ts';
import { scheduleForComplaint } from '../../../shared/sla/schedule.ts';
import type { ActionKind, CalendarDoc, EscalationRuleDoc, EscalationTargetRole, ScheduledAction } from '../../../shared/sla/types.ts';

/**
 * What a desk user sees of one SLA action. `display` separates a pending action whose time has
 * not come (projected) from one whose time has come but whose event the server has not sent yet
 * (due) — the desk never fires anything itself.
 */
export type SlaRowDisplay = 'projected' | 'due' | 'done' | 'cancelled';

export type SlaRow = {
  key: string;
  kind: ActionKind;
  level: number;
  at: number;
  state: ScheduledAction['state'];
  display: SlaRowDisplay;
  /** The server's sla_* event for this action is on the timeline. */
  confirmed: boolean;
  /** When the server recorded it (its event's time), null when not fired or unknown. */
  firedAt: number | null;
  cancelledBy: ScheduledAction['cancelledBy'];
  targetRole: EscalationTargetRole | null;
};

/**
 * Where the complaint's SLA hours come from, with the brief's precedence: a configuration of the
 * hospital (by source, else by severity + priority), else the server's default for the severity,
 * else the standard 48 h.
 */
export type SlaBasis =
  | { kind: 'config'; hours: number; sourceCode: string | null; severity: Severity | null; priority: Priority | null }
  | { kind: 'severity_default'; hours: number; severity: Severity }
  | { kind: 'fallback'; hours: number };

export type SlaView = { kind: 'no_sla' } | { kind: 'schedule'; basis: SlaBasis; rows: SlaRow[] };

const SLA_EVENT_TYPES = new Set(['sla_reminder', 'sla_overdue', 'sla_escalated']);
const KIND_ORDER: Record<ActionKind, number> = { first_reminder: 0, second_reminder: 1, overdue: 2, escalation: 3 };

/** Time of the sla_* event recorded under each action key (events without a key are matched by the schedule itself). */
function firedTimes(events: readonly TimelineEventDoc[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    const key = e.data.key;
    if (SLA_EVENT_TYPES.has(e.type) && typeof key === 'string' && !out.has(key)) out.set(key, e.at);
  }
  return out;
}

export function slaRows(actions: readonly ScheduledAction[], events: readonly TimelineEventDoc[], now: number): SlaRow[] {
  const fired = firedTimes(events);
  return [...actions]
    .sort((a, b) => a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.level - b.level)
    .map((a) => {
      const display: SlaRowDisplay =
        a.state === 'fired' ? 'done' : a.state === 'cancelled' ? 'cancelled' : a.at <= now ? 'due' : 'projected';
      return {
        key: a.key,
        kind: a.kind,
        level: a.level,
        at: a.at,
        state: a.state,
        display,
        // The schedule says fired only when it found the server's event on the timeline.
        confirmed: a.state === 'fired',
        firedAt: a.state === 'fired' ? (fired.get(a.key) ?? null) : null,
        cancelledBy: a.cancelledBy,
        targetRole: a.target?.role ?? null,
      };
    });
}

export type SlaViewInput = {
  complaint: ComplaintDoc;
  events: readonly TimelineEventDoc[];
  configs: readonly SlaConfigDoc[];
  rules: readonly EscalationRuleDoc[];
  calendars: readonly CalendarDoc[];
  /** The server's SLA hours per severity (GET /api/v1/server-info), so the projection uses what the server will. */
  severityDefaults: SeverityDefaults;
  now: number;
};

function basisOf(complaint: ComplaintDoc, configs: readonly SlaConfigDoc[], defaults: SeverityDefaults): SlaBasis {
  const config = slaConfigFor(complaint, configs);
  if (config) return { kind: 'config', hours: config.slaHours, sourceCode: config.sourceCode, severity: config.severity, priority: config.priority };
  const hours = defaults[complaint.severity];
  return hours !== undefined ? { kind: 'severity_default', hours, severity: complaint.severity } : { kind: 'fallback', hours: FALLBACK_SLA_HOURS };
}

/** The SLA panel's content, computed offline from the local copies of the hospital's SLA data. */
export function slaView(input: SlaViewInput): SlaView {
  const { complaint } = input;
  if (complaint.type === 'appreciation') return { kind: 'no_sla' };
  const own = <T extends { hospitalId: string; active: boolean }>(docs: readonly T[]) =>
    docs.filter((d) => d.hospitalId === complaint.hospitalId && d.active);
  const calendar = own(input.calendars)[0] ?? null;
  const configs = own(input.configs);
  const actions = scheduleForComplaint({
    complaint,
    events: input.events,
    configs,
    severityDefaults: input.severityDefaults,
    rules: own(input.rules),
    calendar,
  });
  return { kind: 'schedule', basis: basisOf(complaint, configs, input.severityDefaults), rows: slaRows(actions, input.events, input.now) };
}
