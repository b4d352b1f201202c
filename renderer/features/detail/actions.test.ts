import { describe, expect, it } from 'vitest';
import { complaintDocSchema, timelineEventDocSchema } from '../../../shared/documents.ts';
import { complaint } from '../../testing/fixtures.ts';
import { assign, changeField, changeStatus } from './actions.ts';

const ctx = { now: Date.UTC(2026, 3, 1), user: { id: 'u2', displayName: 'Manager' } };

describe('detail edits', () => {
  it('changes status along the workflow and records a public status_changed event', () => {
    const c = complaint(1);
    const r = changeStatus(c, { to: 'ASSIGNED', comment: ' on it ', resolution: '' }, ctx);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.change.patch).toMatchObject({ status: 'ASSIGNED', updatedBy: 'u2', updatedAt: ctx.now });
    expect(r.change.event).toMatchObject({
      type: 'status_changed',
      from: 'PENDING',
      to: 'ASSIGNED',
      comment: 'on it',
      visibility: 'public',
      complaintId: c.id,
    });
    expect(complaintDocSchema.safeParse({ ...c, ...r.change.patch }).success).toBe(true);
    expect(timelineEventDocSchema.safeParse(r.change.event).success).toBe(true);
  });

  it('refuses a jump the workflow forbids, a resolution without summary and a reopen without reason', () => {
    expect(changeStatus(complaint(1), { to: 'CLOSED', comment: '', resolution: '' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const working = complaint(2, { status: 'IN_PROGRESS' });
    expect(changeStatus(working, { to: 'RESOLVED', comment: '', resolution: '  ' }, ctx)).toEqual({
      ok: false,
      error: { code: 'resolution_required' },
    });
    const resolved = complaint(3, { status: 'RESOLVED', resolution: 'Apologised' });
    expect(changeStatus(resolved, { to: 'IN_PROGRESS', comment: '', resolution: '' }, ctx)).toEqual({
      ok: false,
      error: { code: 'reason_required' },
    });
  });

  it('stores the resolution summary when resolving', () => {
    const r = changeStatus(complaint(2, { status: 'IN_PROGRESS' }), { to: 'RESOLVED', comment: '', resolution: 'Refunded' }, ctx);
    expect(r.ok && r.change.patch.resolution).toBe('Refunded');
  });

  it('records priority changes as internal field_changed events, and nothing when unchanged', () => {
    const c = complaint(4);
    const change = changeField(c, 'priority', 'urgent', ctx);
    expect(change?.event).toMatchObject({ type: 'field_changed', field: 'priority', from: 'medium', to: 'urgent', visibility: 'internal' });
    expect(change?.patch).toMatchObject({ priority: 'urgent' });
    expect(changeField(c, 'severity', 'medium', ctx)).toBeNull();
  });

  it('makes every edit newer than the version it changes, even with a slow clock', () => {
    const c = complaint(5, { updatedAt: ctx.now + 10_000 });
    expect(changeField(c, 'severity', 'high', ctx)?.patch.updatedAt).toBe(ctx.now + 10_001);
  });

  it('assigns with an assigned event naming both people', () => {
    const c = complaint(6);
    const change = assign(c, null, { id: 'u9', name: 'Nurse Lead' }, ctx);
    expect(change?.patch).toMatchObject({ assigneeId: 'u9' });
    expect(change?.event).toMatchObject({ type: 'assigned', from: null, to: 'u9', data: { fromName: null, toName: 'Nurse Lead' } });
    expect(assign({ ...c, assigneeId: 'u9' }, null, { id: 'u9', name: 'x' }, ctx)).toBeNull();
  });
});
