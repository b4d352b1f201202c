import { describe, expect, it } from 'vitest';
import { compareMonths, monthStarts } from './months.ts';
import { complaint, facts, H } from './test-fixtures.ts';

describe('monthStarts', () => {
  it('finds local month starts for the offset', () => {
    // 2026-11-30 22:30Z is already 1 December in Riyadh (+03:00).
    const now = Date.UTC(2026, 10, 30, 22, 30);
    expect(monthStarts(now, 180)).toEqual({ thisMonth: Date.UTC(2026, 10, 30, 21), lastMonth: Date.UTC(2026, 9, 31, 21) });
    expect(monthStarts(now, 0)).toEqual({ thisMonth: Date.UTC(2026, 10, 1), lastMonth: Date.UTC(2026, 9, 1) });
  });

  it('crosses a year boundary', () => {
    expect(monthStarts(Date.UTC(2027, 0, 15), 0)).toEqual({ thisMonth: Date.UTC(2027, 0, 1), lastMonth: Date.UTC(2026, 11, 1) });
  });
});

describe('compareMonths', () => {
  it('counts created and resolved this month against last, with average resolution time', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const starts = monthStarts(now, 0);
    const nov = (d: number) => Date.UTC(2026, 10, d);
    const oct = (d: number) => Date.UTC(2026, 9, d);
    const r = compareMonths(
      [
        facts(complaint('a', { createdAt: nov(2) })),
        facts(complaint('b', { createdAt: nov(3), status: 'RESOLVED' }), nov(3) + 10 * H),
        facts(complaint('c', { createdAt: oct(30), status: 'RESOLVED' }), nov(1) + 2 * H), // created Oct, resolved Nov
        facts(complaint('d', { createdAt: oct(5), status: 'CLOSED' }), oct(5) + 4 * H),
        facts(complaint('e', { createdAt: Date.UTC(2026, 8, 20) })), // September: neither
      ],
      starts,
      now,
    );
    expect(r.thisMonth).toEqual({ created: 2, resolved: 2, avgResolutionMs: (10 * H + (nov(1) + 2 * H - oct(30))) / 2 });
    expect(r.lastMonth).toEqual({ created: 2, resolved: 1, avgResolutionMs: 4 * H });
  });
});
