import { describe, expect, it } from 'vitest';
import { agentPerformance } from './agents.ts';
import { complaint, facts, H, T0 } from './test-fixtures.ts';

describe('agentPerformance', () => {
  it('counts assigned and resolved per current assignee and averages the known resolution times', () => {
    const rows = agentPerformance([
      facts(complaint('a', { assigneeId: 'u1', status: 'RESOLVED' }), T0 + 2 * H),
      facts(complaint('b', { assigneeId: 'u1', status: 'CLOSED' }), T0 + 6 * H),
      facts(complaint('c', { assigneeId: 'u1', status: 'IN_PROGRESS' })),
      facts(complaint('d', { assigneeId: 'u2', status: 'RESOLVED' }), null),
      facts(complaint('e', { assigneeId: null, status: 'RESOLVED' }), T0 + H),
    ]);
    expect(rows).toEqual([
      { agentId: 'u1', assigned: 3, resolved: 2, avgResolutionMs: 4 * H },
      { agentId: 'u2', assigned: 1, resolved: 1, avgResolutionMs: null },
    ]);
  });
});
