import { describe, expect, it } from 'vitest';
import type { ComplaintDoc, StaffDoc } from '../../../shared/documents.ts';
import { complaint, staff as staffFixture } from '../../testing/fixtures.ts';
import { planBulk, type BulkAction, type BulkRow } from './plan.ts';
import type { ComplaintActor as Actor } from '../../../shared/complaint-access.ts';

const T = Date.UTC(2026, 5, 1, 8, 0, 0);
const admin: Actor = { id: 'admin1', role: 'px_admin', departmentId: null };
const people = new Map<string, StaffDoc>([
  ['u1', staffFixture],
  ['u2', { ...staffFixture, id: 'u2', username: 'sara', displayName: 'Sara' }],
  ['gone', { ...staffFixture, id: 'gone', username: 'old', active: false }],
]);

function plan(cs: ComplaintDoc[], action: BulkAction, actor: Actor = admin, ids = cs.map((c) => c.id)): BulkRow[] {
  return planBulk(ids, new Map(cs.map((c) => [c.id, c])), action, actor, people, { now: T, user: { id: actor.id, displayName: 'Actor' } });
}
const outcome = (rows: BulkRow[]) => rows.map((r) => (r.ok ? 'ok' : r.error));

describe('bulk plan', () => {
  const pending = complaint(1);
  const inProgress = complaint(2, { status: 'IN_PROGRESS' });
  const resolved = complaint(3, { status: 'RESOLVED' });
  const closed = complaint(4, { status: 'CLOSED' });

  it('closes what the workflow lets close and reports the rest per row', () => {
    const rows = plan([resolved, pending, closed], { kind: 'close', comment: 'Done in bulk' });
    expect(outcome(rows)).toEqual(['ok', 'not_allowed', 'same_status']);
    const first = rows[0]!;
    if (!first.ok) throw new Error('expected ok');
    expect(first.change.patch.status).toBe('CLOSED');
    expect(first.change.event).toMatchObject({ type: 'status_changed', complaintId: resolved.id, from: 'RESOLVED', to: 'CLOSED', comment: 'Done in bulk', actorId: 'admin1' });
    const second = rows[1]!;
    expect(!second.ok && second.detail).toBe('ASSIGNED,CANCELLED');
  });

  it('changes status with the workflow rules (resolution needed to resolve)', () => {
    expect(outcome(plan([inProgress], { kind: 'status', to: 'RESOLVED', comment: '', resolution: '' }))).toEqual(['resolution_required']);
    expect(outcome(plan([inProgress], { kind: 'status', to: 'RESOLVED', comment: '', resolution: 'Apologised' }))).toEqual(['ok']);
  });

  it('assigns with an assignment event carrying the comment, refusing unknown or inactive staff', () => {
    const rows = plan([pending, complaint(5, { assigneeId: 'u2' })], { kind: 'assign', assigneeId: 'u2', comment: 'Urgent batch' });
    expect(outcome(rows)).toEqual(['ok', 'no_change']);
    const r = rows[0]!;
    if (!r.ok) throw new Error('expected ok');
    expect(r.change.event).toMatchObject({ type: 'assigned', from: null, to: 'u2', comment: 'Urgent batch', data: { toName: 'Sara' } });
    expect(outcome(plan([pending], { kind: 'assign', assigneeId: 'gone', comment: '' }))).toEqual(['unknown_assignee']);
    expect(outcome(plan([pending], { kind: 'assign', assigneeId: 'nobody', comment: '' }))).toEqual(['unknown_assignee']);
  });

  it('changes priority as a field change, and reports rows already at that priority', () => {
    const rows = plan([pending, complaint(6, { priority: 'high' })], { kind: 'priority', priority: 'high', comment: '' });
    expect(outcome(rows)).toEqual(['ok', 'no_change']);
    const r = rows[0]!;
    expect(r.ok && r.change.event).toMatchObject({ type: 'field_changed', field: 'priority', from: 'medium', to: 'high' });
  });

  it('gives each change its own event id and a later update time', () => {
    const rows = plan([pending, inProgress], { kind: 'priority', priority: 'urgent', comment: '' });
    const events = rows.flatMap((r) => (r.ok ? [r.change.event.id] : []));
    expect(new Set(events).size).toBe(2);
    for (const r of rows) if (r.ok) expect(r.change.patch.updatedAt).toBeGreaterThanOrEqual(T);
  });

  it('reports a complaint that is no longer on the desk', () => {
    expect(outcome(plan([pending], { kind: 'close', comment: '' }, admin, ['missing']))).toEqual(['not_found']);
  });

  it('applies the role rules per complaint', () => {
    const mine = complaint(7, { assigneeId: 'agent' });
    const others = complaint(8, { assigneeId: 'u2', departmentId: 'er' });
    const free = complaint(9, { departmentId: 'lab' });
    const agent: Actor = { id: 'agent', role: 'desk_agent', departmentId: null };
    expect(outcome(plan([mine, others, free], { kind: 'priority', priority: 'urgent', comment: '' }, agent))).toEqual(['ok', 'not_your_complaint', 'ok']);
    expect(outcome(plan([free], { kind: 'assign', assigneeId: 'u2', comment: '' }, agent))).toEqual(['assign_others_not_allowed']);
    const manager: Actor = { id: 'm', role: 'department_manager', departmentId: 'er' };
    expect(outcome(plan([others, free], { kind: 'priority', priority: 'urgent', comment: '' }, manager))).toEqual(['ok', 'not_your_department']);
    const ceo: Actor = { id: 'c', role: 'ceo', departmentId: null };
    expect(outcome(plan([free], { kind: 'priority', priority: 'urgent', comment: '' }, ceo))).toEqual(['read_only_role']);
  });
});
