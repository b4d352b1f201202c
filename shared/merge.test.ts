import { describe, expect, it } from 'vitest';
import { mergeComplaint } from './merge.ts';
import type { ComplaintDoc } from './documents.ts';

const base: ComplaintDoc = {
  id: 'c1', hospitalId: 'h1', departmentId: null, referenceNumber: 'CMP-2026-000001', sourceCode: 'PATIENT',
  channel: 'walk_in', type: 'complaint', title: 'Long wait', description: 'Waited four hours', category: null,
  severity: 'medium', priority: 'medium', status: 'PENDING', assigneeId: null,
  complainant: { name: 'Sara', phone: '+966501234567', email: null, language: 'ar', smsOptOut: false },
  patient: null, resolution: null, trackingSecret: 'abcdefghijklmnopqrstuv', deskId: 'd1',
  createdAt: 1000, createdBy: 'u1', updatedAt: 1000, updatedBy: 'u1', dueAt: null, overdue: false,
  reminderLevel: 0, escalationLevel: 0, lastReminderAt: null, escalatedAt: null,
  referenceConfirmed: true, trackingConfirmed: true,
};

describe('three-way merge of offline edits', () => {
  it('combines edits of different fields from two desks', () => {
    const deskA = { ...base, status: 'ASSIGNED' as const, updatedAt: 2000, updatedBy: 'uA' };
    const deskB = { ...base, priority: 'high' as const, updatedAt: 2100, updatedBy: 'uB' };
    const afterA = mergeComplaint(base, base, deskA);
    expect(afterA.changed).toEqual(['status']);
    const afterB = mergeComplaint(afterA.merged, base, deskB);
    expect(afterB.merged.status).toBe('ASSIGNED');
    expect(afterB.merged.priority).toBe('high');
    expect(afterB.lost).toEqual([]);
  });

  it('keeps the first value to reach the server and reports the other as lost', () => {
    const first = mergeComplaint(base, base, { ...base, priority: 'high', updatedAt: 2000 });
    const second = mergeComplaint(first.merged, base, { ...base, priority: 'low', updatedAt: 2500, updatedBy: 'u2' });
    expect(second.merged.priority).toBe('high');
    expect(second.lost).toEqual([{ field: 'priority', kept: 'high', lost: 'low' }]);
    expect(second.changed).toEqual([]);
  });

  it('is idempotent: replaying the same push changes nothing', () => {
    const edit = { ...base, title: 'Very long wait', updatedAt: 3000 };
    const once = mergeComplaint(base, base, edit);
    const twice = mergeComplaint(once.merged, base, edit);
    expect(twice.changed).toEqual([]);
    expect(twice.lost).toEqual([]);
    expect(twice.merged).toEqual(once.merged);
  });

  it('never takes server-owned fields from a desk', () => {
    const forged = { ...base, dueAt: 1, overdue: true, escalationLevel: 5, status: 'ASSIGNED' as const };
    const r = mergeComplaint({ ...base, dueAt: 99_000 }, base, forged);
    expect(r.merged.dueAt).toBe(99_000);
    expect(r.merged.overdue).toBe(false);
    expect(r.merged.escalationLevel).toBe(0);
    expect(r.merged.status).toBe('ASSIGNED');
  });

  it('compares nested complainant objects by value', () => {
    const edit = { ...base, complainant: { ...base.complainant, language: 'en' as const } };
    const r = mergeComplaint(base, base, edit);
    expect(r.changed).toEqual(['complainant']);
    expect(r.merged.complainant.language).toBe('en');
  });
});

describe('a replayed insert (no assumed state)', () => {
  it('changes nothing when identical and overwrites nothing when different', () => {
    expect(mergeComplaint(base, null, base)).toEqual({ merged: base, changed: [], lost: [] });
    const serverMoved = { ...base, status: 'ASSIGNED' as const };
    const r = mergeComplaint(serverMoved, null, { ...base, title: 'Another title' });
    expect(r.merged).toEqual(serverMoved);
    expect(r.lost).toEqual([
      { field: 'title', kept: 'Long wait', lost: 'Another title' },
      { field: 'status', kept: 'ASSIGNED', lost: 'PENDING' },
    ]);
  });
});
