import { describe, expect, it } from 'vitest';
import type { StaffDoc } from '../documents.ts';
import { explanationScheduleFor, managerChain } from './explanation.ts';
import { calendar, event, H, riyadh, T0 } from './test-fixtures.ts';
import type { ExplanationAction, ExplanationRequestDoc } from './types.ts';

const person = (id: string, reportsToId: string | null, active = true): StaffDoc => ({
  id, hospitalId: 'h1', username: id, displayName: id, role: 'desk_agent', departmentId: null, reportsToId, active, updatedAt: 0,
});
const staff = [person('nurse', 'head'), person('head', 'director'), person('director', 'ceo'), person('ceo', null)];

function request(over: Partial<ExplanationRequestDoc> = {}): ExplanationRequestDoc {
  return {
    id: 'x1', complaintId: 'c1', hospitalId: 'h1', staffId: 'nurse', requestedById: 'px', requestedAt: T0,
    responseHours: 48, reminderHoursBefore: 12, autoEscalate: true, escalationHoursOverdue: 0, maxLevel: 3,
    status: 'pending', explanation: null, respondedAt: null, respondedById: null, escalationLevel: 0, updatedAt: T0, ...over,
  };
}
const show = (actions: ExplanationAction[]): string[] =>
  actions.map((a) => `${a.kind.replace('explanation_', '')}:${a.level}@${(a.at - T0) / H}>${a.target.userId}${a.state === 'pending' ? '' : `:${a.state}`}`);

describe('staff explanation requests', () => {
  it('remind 12 h before the 48 h deadline, then go up the reports-to chain to the maximum level', () => {
    const actions = explanationScheduleFor({ request: request({ maxLevel: 2 }), staff, events: [], calendar: null });
    expect(show(actions)).toEqual([
      'reminder:0@36>nurse', 'overdue:0@48>nurse', 'escalation:1@48>head',
      'reminder:1@84>head', 'overdue:1@96>head', 'escalation:2@96>director',
      'reminder:2@132>director', 'overdue:2@144>director',
    ]);
    expect(actions[0]?.key).toBe('x1:explanation_reminder:0');
  });

  it('end where the chain ends, skip inactive managers and survive a loop', () => {
    expect(managerChain('nurse', [person('nurse', 'head'), person('head', 'boss', false), person('boss', 'nurse')], 5)).toEqual(['boss']);
    const top = explanationScheduleFor({ request: request({ staffId: 'director' }), staff, events: [], calendar: null });
    expect(top.filter((a) => a.kind === 'explanation_escalation').map((a) => a.target.userId)).toEqual(['ceo']);
    const off = explanationScheduleFor({ request: request({ autoEscalate: false }), staff, events: [], calendar: null });
    expect(show(off)).toEqual(['reminder:0@36>nurse', 'overdue:0@48>nurse']);
  });

  it('cancel what has not fired once the explanation is received', () => {
    const fired = event('sla_reminder', T0 + 36 * H, { actorId: null, data: { key: 'x1:explanation_reminder:0', explanationId: 'x1' } });
    const actions = explanationScheduleFor({ request: request({ status: 'received', maxLevel: 1 }), staff, events: [fired], calendar: null });
    expect(actions.map((a) => a.state)).toEqual(['fired', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('count business hours on a calendar', () => {
    // Sunday 09:00 + 36 business hours = Thursday 13:00 (7 + 8 + 8 + 8 + 5).
    const actions = explanationScheduleFor({ request: request({ maxLevel: 0 }), staff, events: [], calendar: calendar() });
    expect(actions[0]?.at).toBe(riyadh(2026, 1, 8, 13));
  });
});
