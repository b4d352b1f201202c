import { describe, expect, it } from 'vitest';
import type { TimelineEventDoc } from '../../shared/documents.ts';
import type { ComplaintStatus } from '../../shared/enums.ts';
import { newSteps, statusCause, statusPath } from './status-path.ts';

const step = (id: string, at: number, from: ComplaintStatus, to: ComplaintStatus): TimelineEventDoc => ({
  id, complaintId: 'c1', hospitalId: 'h1', type: 'status_changed', at, actorId: 'u1', actorName: 'Desk', field: 'status',
  from, to, comment: null, visibility: 'public', data: {},
});
const ids = (steps: { event: TimelineEventDoc }[]) => steps.map((s) => s.event.id);
const keys = (status: ComplaintStatus, events: TimelineEventDoc[]) => statusPath(status, events).map((s) => statusCause('c1', s).causeId);

const common = [step('assign', 1, 'PENDING', 'ASSIGNED'), step('start', 2, 'ASSIGNED', 'IN_PROGRESS')];
// Desk A resolved and desk B cancelled the same complaint offline; the server kept one of them.
const resolvedByA = step('a-resolve', 10, 'IN_PROGRESS', 'RESOLVED');
const cancelledByB = step('b-cancel', 11, 'IN_PROGRESS', 'CANCELLED');

describe('the path that got the stored complaint to its status', () => {
  it('follows the status events back from the stored status, whatever order they arrived in', () => {
    const close = step('close', 20, 'RESOLVED', 'CLOSED');
    expect(ids(statusPath('CLOSED', [close, resolvedByA, ...common]))).toEqual(['assign', 'start', 'a-resolve', 'close']);
  });

  it('leaves out the events of the desk whose change the server did not keep', () => {
    const events = [...common, resolvedByA, cancelledByB];
    expect(ids(statusPath('RESOLVED', events))).toEqual(['assign', 'start', 'a-resolve']);
    expect(ids(statusPath('CANCELLED', events))).toEqual(['assign', 'start', 'b-cancel']);
    // A lost chain (resolved, then closed, offline) is left out as a whole.
    const closedByA = step('a-close', 12, 'RESOLVED', 'CLOSED');
    expect(ids(statusPath('CANCELLED', [...events, closedByA]))).toEqual(['assign', 'start', 'b-cancel']);
  });

  it('gives two desks that made the same change one key, and a reopened complaint a new one', () => {
    const resolvedByB = step('b-resolve', 12, 'IN_PROGRESS', 'RESOLVED');
    expect(keys('RESOLVED', [...common, resolvedByA])).toEqual(keys('RESOLVED', [...common, resolvedByA, resolvedByB]));
    const reopened = [...common, resolvedByA, step('reopen', 30, 'RESOLVED', 'IN_PROGRESS'), step('again', 40, 'IN_PROGRESS', 'RESOLVED')];
    expect(keys('RESOLVED', reopened).slice(-3)).toEqual(['status:c1:RESOLVED:0', 'status:c1:IN_PROGRESS:1', 'status:c1:RESOLVED:1']);
  });
});

describe('the steps a write made real', () => {
  const path = statusPath('CLOSED', [...common, resolvedByA, step('close', 20, 'RESOLVED', 'CLOSED')]);

  it('a stored status change: the steps after the path last left the old status', () => {
    expect(ids(newSteps(path, { from: 'IN_PROGRESS' }))).toEqual(['a-resolve', 'close']);
    expect(ids(newSteps(path, { from: 'RESOLVED' }))).toEqual(['close']);
    expect(ids(newSteps(path, { from: null }))).toEqual(['assign', 'start', 'a-resolve', 'close']);
    // The old status's events have not arrived: what the path has is newer than it.
    expect(ids(newSteps(path.slice(2), { from: 'ASSIGNED' }))).toEqual(['a-resolve', 'close']);
  });

  it('events arriving for a complaint already there: from the first on the path on, none if off it', () => {
    expect(ids(newSteps(path, { arrived: new Set(['a-resolve']) }))).toEqual(['a-resolve', 'close']);
    expect(ids(newSteps(path, { arrived: new Set(['b-cancel']) }))).toEqual([]);
  });
});
