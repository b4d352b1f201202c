import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComplaintDoc, TimelineEventDoc } from '../documents.ts';
import { PRIORITIES, SEVERITIES, type EventType } from '../enums.ts';
import { nextDue, resolvePolicy, scheduleFor } from './schedule.ts';
import { calendar, complaint, event, H, rule, SOURCE_CONFIGS, status } from './test-fixtures.ts';
import type { CalendarDoc, EscalationRuleDoc, ScheduledAction } from './types.ts';

/** Laws of the schedule, checked on generated complaints, timelines, rules and calendars. */

const START = Date.UTC(2025, 0, 1);
const createdAt = fc.integer({ min: START, max: START + 2 * 365 * 24 * H });
const sourceCode = fc.constantFrom('MOH', 'CCHI', 'PATIENT', 'FAMILY', 'PORTAL');
const severity = fc.constantFrom(...SEVERITIES);
const priority = fc.constantFrom(...PRIORITIES);
const hours = fc.integer({ min: 0, max: 200 * 60 }).map((m) => m * 60_000);

const TABLE: Record<string, { first: number; second: number; overdue: number; escalation: number }> = {
  MOH: { first: 12, second: 30, overdue: 24, escalation: 24 },
  CCHI: { first: 24, second: 60, overdue: 48, escalation: 48 },
  PATIENT: { first: 24, second: 72, overdue: 72, escalation: 72 },
  FAMILY: { first: 24, second: 72, overdue: 72, escalation: 72 },
};

const statuses = ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_USER', 'ESCALATED', 'RESOLVED'] as const;
const timelineEvent = fc.record({
  offset: hours,
  type: fc.constantFrom<EventType>('status_changed', 'assigned', 'note', 'reply', 'sla_reminder', 'sla_overdue', 'sla_escalated', 'field_changed'),
  from: fc.constantFrom(...statuses),
  to: fc.constantFrom(...statuses),
  system: fc.boolean(),
  level: fc.integer({ min: 0, max: 3 }),
});
type GenEvent = { offset: number; type: EventType; from: string; to: string; system: boolean; level: number };
const toEvent = (base: number) => (g: GenEvent): TimelineEventDoc =>
  event(g.type, base + g.offset, {
    actorId: g.system ? null : 'u1',
    from: g.type === 'status_changed' ? g.from : null,
    to: g.type === 'status_changed' ? g.to : null,
    data: g.type.startsWith('sla_') ? { level: g.level } : {},
  });

const ruleArb = fc.record({
  id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
  level: fc.integer({ min: 1, max: 4 }),
  maxLevel: fc.integer({ min: 1, max: 4 }),
  triggerOnOverdue: fc.boolean(),
  triggerHoursOverdue: fc.integer({ min: 0, max: 96 }),
  reminderEscalationEnabled: fc.boolean(),
  reminderEscalationHours: fc.integer({ min: 0, max: 48 }),
  severityFilter: fc.option(severity, { nil: null }),
  priorityFilter: fc.option(priority, { nil: null }),
  order: fc.integer({ min: 0, max: 3 }),
}).map((r): EscalationRuleDoc => rule(r));

const calendarArb = fc.option(
  fc.record({ businessHoursSlaConfigIds: fc.constantFrom(['*'], ['moh'], [] as string[]), pauseWhileWaiting: fc.boolean() })
    .map((o): CalendarDoc => calendar(o)),
  { nil: null },
);

const scenario = fc.record({
  createdAt, sourceCode, severity, priority,
  status: fc.constantFrom('PENDING', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_USER', 'ESCALATED'),
  events: fc.array(timelineEvent, { maxLength: 12 }),
  rules: fc.array(ruleArb, { maxLength: 5 }),
  calendar: calendarArb,
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario, over: Partial<ComplaintDoc> = {}): { c: ComplaintDoc; events: TimelineEventDoc[] } {
  const c = complaint({ createdAt: s.createdAt, sourceCode: s.sourceCode, severity: s.severity, priority: s.priority, status: s.status, ...over });
  return { c, events: s.events.map(toEvent(s.createdAt)) };
}
function schedule(c: ComplaintDoc, events: TimelineEventDoc[], s: Scenario): ScheduledAction[] {
  const policy = resolvePolicy(c, SOURCE_CONFIGS, {}, s.calendar);
  return scheduleFor({ complaint: c, events, policy, rules: s.rules, calendar: s.calendar });
}
const RUNS = { numRuns: 150 };

describe('laws of the SLA schedule', () => {
  it('no action is due before the complaint was created; keys are unique; escalations climb one level at a time', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { c, events } = build(s);
      const actions = schedule(c, events, s);
      for (const a of actions) expect(a.at).toBeGreaterThanOrEqual(c.createdAt);
      expect(new Set(actions.map((a) => a.key)).size).toBe(actions.length);
      const esc = actions.filter((a) => a.kind === 'escalation').sort((a, b) => a.level - b.level);
      esc.forEach((a, i) => {
        expect(a.level).toBe(i + 1);
        if (i > 0) expect(a.at).toBeGreaterThanOrEqual(esc[i - 1]?.at ?? 0);
      });
      const pending = actions.filter((a) => a.state === 'pending').map((a) => a.at);
      expect(nextDue(actions)?.at ?? null).toBe(pending.length ? Math.min(...pending) : null);
    }), RUNS);
  });

  it('the four sources get the times of the table, whatever the severity and priority', () => {
    fc.assert(fc.property(createdAt, fc.constantFrom('MOH', 'CCHI', 'PATIENT', 'FAMILY'), severity, priority, (t, src, sev, pri) => {
      const c = complaint({ createdAt: t, sourceCode: src, severity: sev, priority: pri });
      const actions = scheduleFor({ complaint: c, events: [], policy: resolvePolicy(c, SOURCE_CONFIGS), rules: [], calendar: null });
      const at = (kind: string): number | undefined => actions.find((a) => a.kind === kind)?.at;
      const row = TABLE[src];
      expect(row).toBeDefined();
      if (!row) return;
      expect(at('first_reminder')).toBe(t + row.first * H);
      expect(at('second_reminder')).toBe(t + row.second * H);
      expect(at('overdue')).toBe(t + row.overdue * H);
      expect(at('escalation')).toBe(t + row.escalation * H);
      expect(actions.every((a) => a.state === 'pending')).toBe(true);
    }), RUNS);
  });

  it('a change of source, severity or priority recomputes from the complaint as it now is', () => {
    fc.assert(fc.property(scenario, sourceCode, severity, priority, fc.integer({ min: 1, max: 100 }), (s, src, sev, pri, when) => {
      const { c, events } = build({ ...s, events: [], calendar: null });
      const changed = { ...c, sourceCode: src, severity: sev, priority: pri };
      const change = event('field_changed', c.createdAt + when * H, { field: 'sourceCode', from: c.sourceCode, to: src });
      const after = schedule(changed, [...events, change], { ...s, calendar: null });
      const fresh = schedule(changed, events, { ...s, calendar: null });
      expect(after).toEqual(fresh);
      const policy = resolvePolicy(changed, SOURCE_CONFIGS);
      expect(after.find((a) => a.kind === 'overdue')?.at).toBe(c.createdAt + (policy?.slaHours ?? 0) * H);
    }), RUNS);
  });

  it('resolution, closure and cancellation cancel everything pending and keep what fired', () => {
    fc.assert(fc.property(scenario, fc.constantFrom('RESOLVED', 'CLOSED', 'CANCELLED') as fc.Arbitrary<'RESOLVED' | 'CLOSED' | 'CANCELLED'>, (s, end) => {
      const { c, events } = build(s);
      const open = schedule(c, events, s);
      const closed = schedule({ ...c, status: end }, events, s);
      expect(closed.map((a) => a.key)).toEqual(open.map((a) => a.key));
      closed.forEach((a, i) => {
        expect(a.state).toBe(open[i]?.state === 'fired' ? 'fired' : 'cancelled');
      });
      expect(nextDue(closed)).toBeNull();
    }), RUNS);
  });

  it('reopening restarts the schedule from the reopen, in a new cycle', () => {
    fc.assert(fc.property(scenario, hours, hours, (s, resolvedAfter, reopenedAfter) => {
      const plain = { ...s, events: [] };
      const { c } = build(plain, { status: 'IN_PROGRESS' });
      const resolvedAt = c.createdAt + resolvedAfter;
      const reopenAt = resolvedAt + reopenedAfter;
      const events = [status(resolvedAt, 'IN_PROGRESS', 'RESOLVED'), status(reopenAt, 'RESOLVED', 'IN_PROGRESS')];
      const reopened = schedule(c, events, plain);
      const fresh = schedule({ ...c, createdAt: reopenAt }, [], plain);
      expect(reopened.map((a) => [a.kind, a.level, a.at, a.state])).toEqual(fresh.map((a) => [a.kind, a.level, a.at, a.state]));
      expect(reopened.every((a) => a.key.startsWith(`${c.id}:1:`) && a.at >= reopenAt)).toBe(true);
    }), RUNS);
  });

  it('appreciations have no actions', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { c, events } = build(s, { type: 'appreciation' });
      expect(resolvePolicy(c, SOURCE_CONFIGS, {}, s.calendar)).toBeNull();
      const policy = resolvePolicy({ ...c, type: 'complaint' }, SOURCE_CONFIGS);
      expect(scheduleFor({ complaint: c, events, policy, rules: s.rules, calendar: s.calendar })).toEqual([]);
    }), RUNS);
  });
});
