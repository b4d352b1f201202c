import { describe, expect, it } from 'vitest';
import { H, T0, calendar, complaint, event, rule, slaConfig, status } from '../../../shared/sla/test-fixtures.ts';
import type { ScheduledAction } from '../../../shared/sla/types.ts';
import { slaRows, slaView, type SlaViewInput } from './sla-rows.ts';

const config = slaConfig({ id: 'cfg-moh', sourceCode: 'MOH', slaHours: 24, reminderHoursBefore: 12, secondReminderEnabled: false });
const rules = [rule({ id: 'r1', level: 1, maxLevel: 1, triggerOnOverdue: true, triggerHoursOverdue: 2, targetRole: 'department_manager' })];

function view(over: Partial<SlaViewInput> = {}) {
  return slaView({ complaint: complaint(), events: [], configs: [config], rules, calendars: [], severityDefaults: {}, now: T0, ...over });
}
function rowsOf(v: ReturnType<typeof slaView>) {
  if (v.kind !== 'schedule') throw new Error('expected a schedule');
  return v.rows;
}

describe('SLA panel rows', () => {
  it('says no SLA applies to an appreciation', () => {
    expect(view({ complaint: complaint({ type: 'appreciation' }) })).toEqual({ kind: 'no_sla' });
  });

  it('lists reminder, deadline and escalation in time order, projected before their time', () => {
    const rows = rowsOf(view());
    expect(rows.map((r) => [r.kind, r.level, r.at - T0])).toEqual([
      ['first_reminder', 1, 12 * H],
      ['overdue', 0, 24 * H],
      ['escalation', 1, 26 * H],
    ]);
    expect(rows.every((r) => r.display === 'projected' && r.state === 'pending' && !r.confirmed)).toBe(true);
    expect(rows[2]?.targetRole).toBe('department_manager');
  });

  it('marks an action whose time has come but the server has not confirmed as due', () => {
    const rows = rowsOf(view({ now: T0 + 13 * H }));
    expect(rows.map((r) => r.display)).toEqual(['due', 'projected', 'projected']);
  });

  it('shows an action done and confirmed when its sla_* event is on the timeline', () => {
    const key = 'c1:0:first_reminder:1';
    const fired = event('sla_reminder', T0 + 12 * H + 5_000, { actorId: null, data: { key, level: 1 } });
    const rows = rowsOf(view({ events: [fired], now: T0 + 13 * H }));
    expect(rows[0]).toMatchObject({ key, state: 'fired', display: 'done', confirmed: true, firedAt: T0 + 12 * H + 5_000 });
  });

  it('cancels everything pending when the complaint is resolved, saying it was stopped', () => {
    const rows = rowsOf(view({ complaint: complaint({ status: 'RESOLVED' }), events: [status(T0 + H, 'PENDING', 'RESOLVED')] }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.display === 'cancelled')).toBe(true);
    // Resolving is itself a response, so the first reminder says so; the rest were stopped.
    expect(rows.map((r) => r.cancelledBy)).toEqual(['response', 'stopped', 'stopped']);
  });

  it('cancels the first reminder when staff responded before it', () => {
    const reply = event('reply', T0 + 2 * H, { visibility: 'public' });
    const first = rowsOf(view({ events: [reply] }))[0];
    expect(first).toMatchObject({ kind: 'first_reminder', display: 'cancelled', cancelledBy: 'response' });
  });

  it('ignores other hospitals and inactive configurations (falls back to the 48 h default)', () => {
    const foreign = { ...config, hospitalId: 'h2' };
    const rows = rowsOf(view({ configs: [foreign, { ...config, id: 'off', active: false }], rules: [], calendars: [calendar({ hospitalId: 'h2' })] }));
    expect(rows.find((r) => r.kind === 'overdue')?.at).toBe(T0 + 48 * H);
  });

  it('projects with the server’s default for the severity when no configuration applies, as the server will', () => {
    const input = { complaint: complaint({ sourceCode: 'WALK', severity: 'critical' }), configs: [config], rules: [] };
    const withDefaults = view({ ...input, severityDefaults: { critical: 12 } });
    expect(withDefaults.kind === 'schedule' && withDefaults.basis).toEqual({ kind: 'severity_default', hours: 12, severity: 'critical' });
    // The brief's default reminders: 24 h and 6 h before a 12 h deadline leave only the second.
    expect(rowsOf(withDefaults).map((r) => [r.kind, r.at - T0])).toEqual([
      ['second_reminder', 6 * H],
      ['overdue', 12 * H],
    ]);
    const without = view({ ...input, severityDefaults: { high: 12 } });
    expect(without.kind === 'schedule' && without.basis).toEqual({ kind: 'fallback', hours: 48 });
    expect(rowsOf(without).find((r) => r.kind === 'overdue')?.at).toBe(T0 + 48 * H);
    // A configuration of the hospital wins over the server's default.
    const configured = view({ severityDefaults: { medium: 1 } });
    expect(configured.kind === 'schedule' && configured.basis).toMatchObject({ kind: 'config', hours: 24, sourceCode: 'MOH' });
  });

  it('sorts rows by time whatever order the actions come in', () => {
    const a = (kind: ScheduledAction['kind'], level: number, at: number): ScheduledAction => ({
      key: `c1:0:${kind}:${level}`, kind, level, at, target: null, state: 'pending', cancelledBy: null,
    });
    const rows = slaRows([a('escalation', 1, 30), a('overdue', 0, 20), a('first_reminder', 1, 20)], [], 0);
    expect(rows.map((r) => r.kind)).toEqual(['first_reminder', 'overdue', 'escalation']);
  });
});
