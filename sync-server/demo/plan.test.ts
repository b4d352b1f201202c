import { describe, expect, it } from 'vitest';
import { planComplaints } from './plan.ts';
import { checkTransition } from '../../shared/workflow.ts';

describe('demo plan', () => {
  const now = Date.UTC(2026, 10, 1);
  const plan = planComplaints({ count: 2000, hospitals: 5, departments: 5, now, seed: 7 });

  it('is repeatable for a seed', () => {
    expect(planComplaints({ count: 50, hospitals: 5, departments: 5, now, seed: 7 })).toEqual(
      planComplaints({ count: 50, hospitals: 5, departments: 5, now, seed: 7 }),
    );
  });

  it('covers every status and every source', () => {
    const finals = new Set(plan.map((c) => c.steps.at(-1)?.to ?? 'PENDING'));
    expect([...finals].sort()).toEqual(
      ['ASSIGNED', 'CANCELLED', 'CLOSED', 'ESCALATED', 'IN_PROGRESS', 'PENDING', 'RESOLVED', 'WAITING_USER'],
    );
    expect(new Set(plan.map((c) => c.sourceCode))).toEqual(new Set(['MOH', 'CCHI', 'PATIENT', 'FAMILY']));
  });

  it('only plans lives the workflow allows, in time order, never in the future', () => {
    for (const c of plan) {
      let from = 'PENDING' as Parameters<typeof checkTransition>[0]['from'];
      let at = c.createdAt;
      for (const s of c.steps) {
        expect(checkTransition({ from, to: s.to, resolution: 'done', comment: 'x' })).toBeNull();
        expect(s.at).toBeGreaterThanOrEqual(at);
        expect(s.at).toBeLessThanOrEqual(now);
        from = s.to;
        at = s.at;
      }
    }
  });
});
