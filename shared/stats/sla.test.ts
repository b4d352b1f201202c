import { describe, expect, it } from 'vitest';
import { slaBy, slaOutcome } from './sla.ts';
import { complaint, facts, H, T0 } from './test-fixtures.ts';

const due = T0 + 24 * H;
const now = T0 + 48 * H;

describe('slaOutcome', () => {
  it.each([
    ['resolved before due', facts(complaint('a', { status: 'RESOLVED', dueAt: due }), due - H), 'met'],
    ['resolved exactly at due', facts(complaint('a', { status: 'CLOSED', dueAt: due }), due), 'met'],
    ['resolved after due', facts(complaint('a', { status: 'RESOLVED', dueAt: due }), due + 1), 'breached'],
    ['resolved in time but flagged overdue', facts(complaint('a', { status: 'RESOLVED', dueAt: due, overdue: true }), due - H), 'breached'],
    ['resolved, time unknown, not flagged', facts(complaint('a', { status: 'RESOLVED', dueAt: due }), null), 'met'],
    ['open, flagged overdue', facts(complaint('a', { status: 'IN_PROGRESS', dueAt: now + H, overdue: true })), 'breached'],
    ['open past due, flag not here yet', facts(complaint('a', { status: 'IN_PROGRESS', dueAt: due })), 'breached'],
    ['open, not yet due', facts(complaint('a', { status: 'ASSIGNED', dueAt: now + H })), 'pending'],
    ['cancelled', facts(complaint('a', { status: 'CANCELLED', dueAt: due, overdue: true })), 'excluded'],
    ['no due time', facts(complaint('a', { type: 'appreciation', dueAt: null })), 'excluded'],
  ] as const)('%s → %s', (_name, f, outcome) => {
    expect(slaOutcome(f, now)).toBe(outcome);
  });
});

describe('slaBy', () => {
  it('counts outcomes and compliance per key', () => {
    const rows = slaBy(
      [
        facts(complaint('a', { sourceCode: 'MOH', status: 'RESOLVED', dueAt: due }), due - H), // met
        facts(complaint('b', { sourceCode: 'MOH', status: 'RESOLVED', dueAt: due }), due + H), // breached
        facts(complaint('c', { sourceCode: 'MOH', status: 'CLOSED', dueAt: due }), due - 2 * H), // met
        facts(complaint('d', { sourceCode: 'CCHI', status: 'PENDING', dueAt: now + H })), // pending
      ],
      (f) => f.complaint.sourceCode,
      now,
    );
    expect(rows).toEqual([
      { key: 'MOH', met: 2, breached: 1, pending: 0, excluded: 0, compliance: 2 / 3 },
      { key: 'CCHI', met: 0, breached: 0, pending: 1, excluded: 0, compliance: null },
    ]);
  });
});
