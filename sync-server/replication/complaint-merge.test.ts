import { describe, expect, it } from 'vitest';
import type { ComplaintActor } from '../../shared/complaint-access.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { acceptNewComplaint, applyDeskEdit, statusReachable } from './complaint-merge.ts';
import { conflictEventId } from './conflict-events.ts';

const base: ComplaintDoc = {
  id: 'c1', hospitalId: 'h1', departmentId: null, referenceNumber: 'CMP-2026-000001', sourceCode: 'PATIENT',
  channel: 'walk_in', type: 'complaint', title: 'Long wait', description: 'Waited four hours', category: null,
  severity: 'medium', priority: 'medium', status: 'PENDING', assigneeId: null,
  complainant: { name: 'Sara', phone: '+966501234567', email: null, language: 'ar', smsOptOut: false },
  patient: null, resolution: null, trackingSecret: 'abcdefghijklmnopqrstuv', deskId: 'd1',
  createdAt: 1000, createdBy: 'u1', updatedAt: 1000, updatedBy: 'u1', dueAt: 5000, overdue: false,
  reminderLevel: 0, escalationLevel: 0, lastReminderAt: null, escalatedAt: null,
  referenceConfirmed: true, trackingConfirmed: true,
};
const admin: ComplaintActor = { id: 'u2', role: 'px_admin', departmentId: null };
const ctx = { deskId: 'desk-B', now: 9_000, dueAt: (d: ComplaintDoc) => d.createdAt + (d.priority === 'urgent' ? 1 : 100), actor: admin };

describe('status changes pushed by a desk', () => {
  it('accepts a chain of allowed steps made offline, refuses what no chain allows', () => {
    expect(statusReachable('PENDING', 'ASSIGNED')).toBe(true);
    expect(statusReachable('PENDING', 'RESOLVED')).toBe(true);
    expect(statusReachable('CLOSED', 'IN_PROGRESS')).toBe(false);
    expect(statusReachable('CANCELLED', 'PENDING')).toBe(false);
    expect(statusReachable('IN_PROGRESS', 'PENDING')).toBe(false);
  });

  it('turns a refused status change into a lost edit with a conflict event', () => {
    const current = { ...base, status: 'CLOSED' as const };
    const r = applyDeskEdit(current, current, { ...current, status: 'IN_PROGRESS', updatedBy: 'u2', updatedAt: 2000 }, ctx);
    expect(r.changed).toBe(false);
    expect(r.next.status).toBe('CLOSED');
    expect(r.next.updatedAt).toBe(1000);
    expect(r.conflictEvents).toHaveLength(1);
    expect(r.conflictEvents[0]).toMatchObject({
      type: 'conflict_resolved', visibility: 'internal', field: 'status', from: 'CLOSED', to: 'IN_PROGRESS', at: 9_000,
      data: { deskId: 'desk-B', lostBy: 'u2', keptValue: 'CLOSED', lostValue: 'IN_PROGRESS' },
    });
  });
});

describe('the pushing user\'s role', () => {
  const agent = { ...ctx, actor: { id: 'agent', role: 'desk_agent', departmentId: null } satisfies ComplaintActor };
  const othersComplaint = { ...base, status: 'IN_PROGRESS' as const, assigneeId: 'nurse' };

  it('refuses what the role may not do as a lost edit and takes the rest of the push', () => {
    const forged = { ...othersComplaint, status: 'RESOLVED' as const, resolution: 'Closed by me', priority: 'urgent' as const, title: 'Long wait (typo fixed)', updatedBy: 'agent', updatedAt: 2000 };
    const r = applyDeskEdit(othersComplaint, othersComplaint, forged, agent);
    expect(r.next).toMatchObject({ status: 'IN_PROGRESS', resolution: null, priority: 'medium', assigneeId: 'nurse', title: 'Long wait (typo fixed)', dueAt: 5000 });
    expect(r.lost.map((l) => l.field).sort()).toEqual(['priority', 'resolution', 'status']);
    expect(r.conflictEvents.map((e) => [e.field, e.from, e.to])).toContainEqual(['status', 'IN_PROGRESS', 'RESOLVED']);
    // An agent may not hand a free complaint to someone else, but may take it.
    const free = { ...base, assigneeId: null };
    expect(applyDeskEdit(free, free, { ...free, assigneeId: 'nurse', updatedAt: 2000 }, agent)).toMatchObject({ changed: false, lost: [{ field: 'assigneeId', kept: null, lost: 'nurse' }] });
    const taken = applyDeskEdit(free, free, { ...free, assigneeId: 'agent', status: 'ASSIGNED', updatedAt: 2000 }, agent);
    expect(taken).toMatchObject({ changed: true, lost: [], next: { assigneeId: 'agent', status: 'ASSIGNED', updatedAt: 2000 } });
  });

  it('leaves nothing changed when everything pushed was refused', () => {
    const ceo = { ...ctx, actor: { id: 'ceo', role: 'ceo', departmentId: null } satisfies ComplaintActor };
    const r = applyDeskEdit(base, base, { ...base, priority: 'urgent', updatedBy: 'ceo', updatedAt: 2000 }, ceo);
    expect(r).toMatchObject({ changed: false, next: base, lost: [{ field: 'priority', kept: 'medium', lost: 'urgent' }] });
  });
});

describe('a replayed insert (no assumed state) of a complaint the server has', () => {
  it('changes nothing when it is the same, and overwrites nothing when it differs', () => {
    const current = { ...base, priority: 'high' as const, updatedAt: 3000 };
    expect(applyDeskEdit(current, null, current, ctx)).toMatchObject({ changed: false, lost: [], conflictEvents: [] });
    const r = applyDeskEdit(current, null, { ...base, title: 'Edited offline' }, ctx);
    expect(r.changed).toBe(false);
    expect(r.next).toEqual(current);
    expect(r.lost).toEqual([
      { field: 'title', kept: 'Long wait', lost: 'Edited offline' },
      { field: 'priority', kept: 'high', lost: 'medium' },
    ]);
  });
});

describe('server-owned fields', () => {
  it('are set by the server on a new complaint whatever the desk sent', () => {
    const forged = { ...base, dueAt: 1, overdue: true, escalationLevel: 7, referenceConfirmed: false };
    const { doc, conflictEvents } = acceptNewComplaint(forged, ctx);
    expect(doc).toMatchObject({ dueAt: 1100, overdue: false, escalationLevel: 0, referenceConfirmed: true, trackingConfirmed: true });
    expect(conflictEvents).toEqual([]);
  });
});

describe('a new complaint already moved on at the desk', () => {
  const agent: ComplaintActor = { id: 'agent', role: 'desk_agent', departmentId: null };
  it('keeps what the role allows: an agent takes it and resolves it offline', () => {
    const resolved = { ...base, assigneeId: 'agent', status: 'RESOLVED' as const, resolution: 'Apologised; clinic rota fixed', updatedAt: 2000 };
    const r = acceptNewComplaint(resolved, { ...ctx, actor: agent });
    expect(r.doc).toMatchObject({ assigneeId: 'agent', status: 'RESOLVED', resolution: 'Apologised; clinic rota fixed' });
    expect(r.conflictEvents).toEqual([]);
  });

  it('refuses what the role may not do as a lost edit and keeps the complaint', () => {
    const routed = { ...base, assigneeId: 'nurse', status: 'ASSIGNED' as const, title: 'Long wait at the clinic', updatedAt: 2000 };
    const r = acceptNewComplaint(routed, { ...ctx, actor: agent });
    expect(r.doc).toMatchObject({ assigneeId: null, title: 'Long wait at the clinic' });
    expect(r.conflictEvents.map((e) => [e.field, e.from, e.to])).toContainEqual(['assigneeId', null, 'nurse']);
    const ceo: ComplaintActor = { id: 'ceo', role: 'ceo', departmentId: null };
    const closed = acceptNewComplaint({ ...base, status: 'CLOSED', resolution: 'Done', updatedAt: 2000 }, { ...ctx, actor: ceo });
    expect(closed.doc).toMatchObject({ status: 'PENDING', resolution: null });
    expect(closed.conflictEvents.map((e) => e.field).sort()).toEqual(['resolution', 'status']);
  });

  it('recompute the due time when the priority changes, and keep it otherwise', () => {
    const urgent = applyDeskEdit(base, base, { ...base, priority: 'urgent', updatedAt: 2000 }, ctx);
    expect(urgent.next.dueAt).toBe(1001);
    const title = applyDeskEdit(base, base, { ...base, title: 'Very long wait', dueAt: 3, updatedAt: 2000 }, ctx);
    expect(title.next.dueAt).toBe(5000);
  });
});

describe('conflict event ids', () => {
  it('are the same for the same lost edit and short enough for an id', () => {
    const a = conflictEventId('c1', 'priority', 'low', 2000);
    expect(a).toBe(conflictEventId('c1', 'priority', 'low', 2000));
    expect(a).not.toBe(conflictEventId('c1', 'priority', 'high', 2000));
    expect(a).not.toBe(conflictEventId('c1', 'priority', 'low', 2001));
    expect(a.length).toBeLessThanOrEqual(40);
  });
});
