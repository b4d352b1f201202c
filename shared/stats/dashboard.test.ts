import { describe, expect, it } from 'vitest';
import { computeDashboard } from './dashboard.ts';
import { groupStatusChanges } from './facts.ts';
import { change, complaint, H, T0 } from './test-fixtures.ts';

describe('computeDashboard', () => {
  const now = T0 + 100 * H;
  const complaints = [
    complaint('a', { status: 'RESOLVED', sourceCode: 'MOH', priority: 'high', category: 'billing', assigneeId: 'u1', dueAt: T0 + 24 * H }),
    complaint('b', { status: 'IN_PROGRESS', sourceCode: 'MOH', priority: 'high', assigneeId: 'u1', dueAt: T0 + 24 * H, overdue: true }),
    complaint('c', { status: 'PENDING', departmentId: 'd2', dueAt: now + H }),
    complaint('x', { hospitalId: 'h2', status: 'PENDING' }),
  ];
  const changesByComplaint = groupStatusChanges([
    change('a', T0 + H, 'PENDING', 'ASSIGNED'),
    change('a', T0 + 2 * H, 'ASSIGNED', 'IN_PROGRESS'),
    change('a', T0 + 12 * H, 'IN_PROGRESS', 'RESOLVED'),
    change('b', T0 + 3 * H, 'PENDING', 'ASSIGNED'),
    change('b', T0 + 4 * H, 'ASSIGNED', 'IN_PROGRESS'),
  ]);

  it('computes every figure of the hospital in scope', () => {
    const d = computeDashboard({ complaints, changesByComplaint, scope: { kind: 'hospital', hospitalId: 'h1' }, now, utcOffsetMinutes: 0 });
    expect(d.total).toBe(3);
    expect(d.byStatus.filter((r) => r.count > 0)).toEqual([
      { key: 'PENDING', count: 1 },
      { key: 'IN_PROGRESS', count: 1 },
      { key: 'RESOLVED', count: 1 },
    ]);
    expect(d.byPriority).toEqual([
      { key: 'low', count: 0 },
      { key: 'medium', count: 1 },
      { key: 'high', count: 2 },
      { key: 'urgent', count: 0 },
    ]);
    expect(d.byCategory).toEqual([
      { key: '', count: 2 },
      { key: 'billing', count: 1 },
    ]);
    expect(d.bySource).toEqual([
      { key: 'MOH', count: 2 },
      { key: 'PATIENT', count: 1 },
    ]);
    expect(d.sla).toEqual({ met: 1, breached: 1, pending: 1, excluded: 0, compliance: 0.5 });
    expect(d.slaByDepartment.map((r) => [r.key, r.met, r.breached, r.pending])).toEqual([
      ['d1', 1, 1, 0],
      ['d2', 0, 0, 1],
    ]);
    expect(d.agents).toEqual([{ agentId: 'u1', assigned: 2, resolved: 1, avgResolutionMs: 12 * H }]);
    expect(d.months.thisMonth).toEqual({ created: 3, resolved: 1, avgResolutionMs: 12 * H });
    expect(d.longestWaiting.map((w) => [w.complaintId, w.waitedMs])).toEqual([
      ['c', 100 * H],
      ['b', 96 * H],
    ]);
    const inProgress = d.statusTimes.find((r) => r.status === 'IN_PROGRESS');
    expect(inProgress).toMatchObject({ totalMs: 10 * H + 96 * H, visits: 2 });
  });

  it('narrows to a department', () => {
    const d = computeDashboard({
      complaints,
      changesByComplaint,
      scope: { kind: 'department', hospitalId: 'h1', departmentId: 'd2' },
      now,
      utcOffsetMinutes: 0,
    });
    expect(d.total).toBe(1);
    expect(d.agents).toEqual([]);
    expect(d.sla.pending).toBe(1);
  });

  it('adds the hospitals up for the whole group, with one row per hospital', () => {
    const d = computeDashboard({ complaints, changesByComplaint, scope: { kind: 'group' }, now, utcOffsetMinutes: 0 });
    expect(d.total).toBe(4);
    expect(d.byStatus.find((r) => r.key === 'PENDING')?.count).toBe(2);
    expect(d.sla).toEqual({ met: 1, breached: 2, pending: 1, excluded: 0, compliance: 1 / 3 });
    expect(d.byHospital).toEqual([
      { key: 'h1', total: 3, open: 2, met: 1, breached: 1, pending: 1, excluded: 0, compliance: 0.5 },
      // x: pending since T0, due after 72 h, and now is T0 + 100 h.
      { key: 'h2', total: 1, open: 1, met: 0, breached: 1, pending: 0, excluded: 0, compliance: 0 },
    ]);
    const one = computeDashboard({ complaints, changesByComplaint, scope: { kind: 'hospital', hospitalId: 'h2' }, now, utcOffsetMinutes: 0 });
    expect(one.byHospital.map((r) => [r.key, r.total])).toEqual([['h2', 1]]);
  });
});
