import { describe, expect, it } from 'vitest';
import { complaintFacts, groupStatusChanges } from './facts.ts';
import { longestWaiting, statusTimes } from './status-time.ts';
import { change, complaint, facts, H, T0 } from './test-fixtures.ts';

describe('statusTimes', () => {
  it('sums each status over all complaints, with visits, average and longest visit', () => {
    const a = complaint('a', { status: 'RESOLVED' });
    const b = complaint('b', { status: 'ASSIGNED' });
    const changes = groupStatusChanges([
      change('a', T0 + 1 * H, 'PENDING', 'ASSIGNED'),
      change('a', T0 + 4 * H, 'ASSIGNED', 'IN_PROGRESS'),
      change('a', T0 + 10 * H, 'IN_PROGRESS', 'RESOLVED'),
      change('b', T0 + 3 * H, 'PENDING', 'ASSIGNED'),
    ]);
    const rows = statusTimes([a, b].map((c) => complaintFacts(c, changes.get(c.id))), T0 + 5 * H);
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(by.PENDING).toEqual({ status: 'PENDING', totalMs: 4 * H, visits: 2, avgMs: 2 * H, maxMs: 3 * H });
    expect(by.ASSIGNED).toEqual({ status: 'ASSIGNED', totalMs: 5 * H, visits: 2, avgMs: 2.5 * H, maxMs: 3 * H });
    expect(by.IN_PROGRESS).toEqual({ status: 'IN_PROGRESS', totalMs: 6 * H, visits: 1, avgMs: 6 * H, maxMs: 6 * H });
    expect(by.RESOLVED).toEqual({ status: 'RESOLVED', totalMs: 0, visits: 0, avgMs: null, maxMs: 0 });
  });
});

describe('longestWaiting', () => {
  it('lists open complaints by time in their current status, longest first, up to the limit', () => {
    const now = T0 + 10 * H;
    const rows = longestWaiting(
      [
        facts(complaint('a', { status: 'IN_PROGRESS' }), null, T0 + 8 * H),
        facts(complaint('b', { status: 'WAITING_USER' }), null, T0 + 1 * H),
        facts(complaint('c', { status: 'CLOSED' }), T0, T0),
        facts(complaint('d', { status: 'PENDING' }), null, T0 + 5 * H),
      ],
      now,
      2,
    );
    expect(rows).toEqual([
      { complaintId: 'b', referenceNumber: 'CMP-2026-00000b', status: 'WAITING_USER', sinceMs: T0 + H, waitedMs: 9 * H },
      { complaintId: 'd', referenceNumber: 'CMP-2026-00000d', status: 'PENDING', sinceMs: T0 + 5 * H, waitedMs: 5 * H },
    ]);
  });
});

describe('longestWaiting ties and limits', () => {
  it('breaks ties by id and gives nothing for a zero limit', () => {
    const now = T0 + 10 * H;
    const all = ['c', 'a', 'b'].map((id) => facts(complaint(id, { status: 'PENDING' }), null, T0));
    expect(longestWaiting(all, now, 2).map((r) => r.complaintId)).toEqual(['a', 'b']);
    expect(longestWaiting(all, now, 0)).toEqual([]);
  });
});
