import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thresholdDocSchema, THRESHOLD_ACTIONS, THRESHOLD_OPERATORS, type ThresholdDoc } from '../documents.ts';
import { breachedThresholds, compare, describeCondition, planThresholdActions, thresholdFieldErrors } from './thresholds.ts';

const threshold = (over: Partial<ThresholdDoc> = {}): ThresholdDoc => ({
  id: 't1',
  hospitalId: 'h1',
  metric: 'survey_score',
  operator: 'lt',
  value: 3,
  action: 'follow_up',
  notifyRole: null,
  notifyUserId: null,
  active: true,
  updatedAt: 0,
  ...over,
});

describe('survey score thresholds', () => {
  // Each operator against the value 3, for scores on both sides of it and on it.
  const TABLE: [ThresholdDoc['operator'], number, boolean][] = [
    ['lt', 2, true], ['lt', 3, false], ['lt', 4, false],
    ['lte', 2, true], ['lte', 3, true], ['lte', 4, false],
    ['gt', 2, false], ['gt', 3, false], ['gt', 4, true],
    ['gte', 2, false], ['gte', 3, true], ['gte', 4, true],
    ['eq', 2, false], ['eq', 3, true], ['eq', 4, false],
  ];
  it.each(TABLE)('score %s 3: a score of %i breaches it → %s', (operator, score, breached) => {
    expect(breachedThresholds(score, [threshold({ operator })]).length === 1).toBe(breached);
  });

  it('never applies an inactive threshold, nor one of another hospital when the hospital is given', () => {
    const inactive = threshold({ id: 'a', active: false });
    const other = threshold({ id: 'b', hospitalId: 'h2' });
    expect(breachedThresholds(1, [inactive])).toEqual([]);
    expect(breachedThresholds(1, [inactive, other], { hospitalId: 'h1' })).toEqual([]);
    expect(breachedThresholds(1, [inactive, other]).map((t) => t.id)).toEqual(['b']);
  });

  it('breaches nothing with a score that is not a number', () => {
    expect(breachedThresholds(Number.NaN, [threshold({ operator: 'lt', value: 5 }), threshold({ id: 't2', operator: 'gt', value: 1 })])).toEqual([]);
  });

  it('law: a threshold is breached exactly when it is active and its comparison holds; results come by id', () => {
    const arb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      operator: fc.constantFrom(...THRESHOLD_OPERATORS),
      value: fc.integer({ min: 1, max: 5 }),
      action: fc.constantFrom(...THRESHOLD_ACTIONS),
      active: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.uniqueArray(arb, { selector: (t) => t.id, maxLength: 8 }), (score, parts) => {
        const all = parts.map((p) => threshold(p));
        const out = breachedThresholds(score, all);
        const expected = all.filter((t) => t.active && compare(t.operator, score, t.value));
        expect(new Set(out)).toEqual(new Set(expected));
        expect(out.map((t) => t.id)).toEqual([...out.map((t) => t.id)].sort());
      }),
    );
  });

  it('law: lt and gte split every score between them, as do gt and lte', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 6, noNaN: true }), fc.integer({ min: 1, max: 5 }), (score, value) => {
        expect(compare('lt', score, value)).toBe(!compare('gte', score, value));
        expect(compare('gt', score, value)).toBe(!compare('lte', score, value));
        expect(compare('eq', score, value)).toBe(compare('lte', score, value) && compare('gte', score, value));
      }),
    );
  });

  it('plans one follow-up and one notification per threshold but a single escalation', () => {
    const breached = [
      threshold({ id: 'a', action: 'follow_up' }),
      threshold({ id: 'b', action: 'escalate' }),
      threshold({ id: 'c', action: 'notify', notifyRole: 'px_admin' }),
      threshold({ id: 'd', action: 'escalate', operator: 'lte', value: 2 }),
    ];
    const plan = planThresholdActions(breached);
    expect(plan.followUps.map((t) => t.id)).toEqual(['a']);
    expect(plan.notifications.map((t) => t.id)).toEqual(['c']);
    expect(plan.escalation.map((t) => t.id)).toEqual(['b', 'd']);
  });

  it('refuses values off the 1–5 scale and a notify threshold that tells nobody', () => {
    expect(thresholdFieldErrors(threshold({ value: 0 }))).toEqual({ value: 'out_of_range' });
    expect(thresholdFieldErrors(threshold({ value: 5.5 }))).toEqual({ value: 'out_of_range' });
    expect(thresholdFieldErrors(threshold({ value: 2.5 }))).toEqual({});
    expect(thresholdFieldErrors(threshold({ action: 'notify' }))).toEqual({ notifyRole: 'required' });
    expect(thresholdFieldErrors(threshold({ action: 'notify', notifyRole: 'named_user' }))).toEqual({ notifyUserId: 'required' });
    expect(thresholdFieldErrors(threshold({ action: 'notify', notifyRole: 'named_user', notifyUserId: 'u1' }))).toEqual({});
  });

  it('the schema refuses unknown operators, actions and metrics', () => {
    expect(thresholdDocSchema.safeParse(threshold()).success).toBe(true);
    expect(thresholdDocSchema.safeParse({ ...threshold(), operator: 'ne' }).success).toBe(false);
    expect(thresholdDocSchema.safeParse({ ...threshold(), action: 'reopen' }).success).toBe(false);
    expect(thresholdDocSchema.safeParse({ ...threshold(), metric: 'nps' }).success).toBe(false);
  });

  it('describes a condition in symbols', () => {
    expect(describeCondition({ operator: 'lte', value: 2 })).toBe('≤ 2');
  });
});
