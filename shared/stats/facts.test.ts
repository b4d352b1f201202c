import { describe, expect, it } from 'vitest';
import { complaintFacts, groupStatusChanges, statusSegments } from './facts.ts';
import { change, complaint, H, T0 } from './test-fixtures.ts';

describe('groupStatusChanges', () => {
  it('groups per complaint, oldest first, and drops changes to no status', () => {
    const g = groupStatusChanges([
      change('a', T0 + 2 * H, 'ASSIGNED', 'IN_PROGRESS'),
      change('b', T0, 'PENDING', 'ASSIGNED'),
      change('a', T0 + H, 'PENDING', 'ASSIGNED'),
      { complaintId: 'a', at: T0 + 3 * H, from: 'IN_PROGRESS', to: null },
    ]);
    expect(g.get('a')?.map((c) => c.to)).toEqual(['ASSIGNED', 'IN_PROGRESS']);
    expect(g.get('b')).toHaveLength(1);
  });
});

describe('complaintFacts', () => {
  it('takes the last resolution after a reopen', () => {
    const c = complaint('a', { status: 'CLOSED' });
    const f = complaintFacts(c, [
      change('a', T0 + 1 * H, 'PENDING', 'ASSIGNED'),
      change('a', T0 + 2 * H, 'ASSIGNED', 'IN_PROGRESS'),
      change('a', T0 + 3 * H, 'IN_PROGRESS', 'RESOLVED'),
      change('a', T0 + 4 * H, 'RESOLVED', 'IN_PROGRESS'),
      change('a', T0 + 6 * H, 'IN_PROGRESS', 'RESOLVED'),
      change('a', T0 + 9 * H, 'RESOLVED', 'CLOSED'),
    ]);
    expect(f.resolvedAt).toBe(T0 + 6 * H);
    expect(f.currentSince).toBe(T0 + 9 * H);
  });

  it('has no resolution time for a reopened complaint, and since creation without changes', () => {
    const reopened = complaintFacts(complaint('a', { status: 'IN_PROGRESS' }), [
      change('a', T0 + 3 * H, 'IN_PROGRESS', 'RESOLVED'),
      change('a', T0 + 4 * H, 'RESOLVED', 'IN_PROGRESS'),
    ]);
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.currentSince).toBe(T0 + 4 * H);
    expect(complaintFacts(complaint('b'), undefined)).toMatchObject({ resolvedAt: null, currentSince: T0 });
  });
});

describe('statusSegments', () => {
  it('splits a complaint into the statuses it went through, the open one running to now', () => {
    const segs = statusSegments(
      complaint('a', { status: 'WAITING_USER' }),
      [change('a', T0 + 2 * H, 'PENDING', 'ASSIGNED'), change('a', T0 + 5 * H, 'ASSIGNED', 'WAITING_USER')],
      T0 + 10 * H,
    );
    expect(segs).toEqual([
      { status: 'PENDING', from: T0, to: T0 + 2 * H },
      { status: 'ASSIGNED', from: T0 + 2 * H, to: T0 + 5 * H },
      { status: 'WAITING_USER', from: T0 + 5 * H, to: T0 + 10 * H },
    ]);
  });

  it('leaves out a final resolved, closed or cancelled status', () => {
    const segs = statusSegments(complaint('a', { status: 'CANCELLED' }), [change('a', T0 + H, 'PENDING', 'CANCELLED')], T0 + 10 * H);
    expect(segs).toEqual([{ status: 'PENDING', from: T0, to: T0 + H }]);
  });

  it('clamps an event stamped before creation (a desk clock behind) to zero time', () => {
    const segs = statusSegments(complaint('a', { status: 'ASSIGNED' }), [change('a', T0 - H, 'PENDING', 'ASSIGNED')], T0 + H);
    expect(segs).toEqual([
      { status: 'PENDING', from: T0, to: T0 },
      { status: 'ASSIGNED', from: T0, to: T0 + H },
    ]);
  });
});
