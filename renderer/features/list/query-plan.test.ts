import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, NONE, type ListFilter } from './filters.ts';
import { filterPredicate, planList } from './query-plan.ts';
import { deriveListKeys } from '../../db/list-keys.ts';
import { complaint } from '../../testing/fixtures.ts';

const f = (patch: Partial<ListFilter>): ListFilter => ({ ...EMPTY_FILTER, ...patch });

describe('list query plan', () => {
  it('walks the index that leads with the status filter, ascending on the sort key', () => {
    expect(planList(f({ status: 'PENDING' }), 'due')).toMatchObject({ index: ['status', 'dueKey'], countable: true });
    expect(planList(f({ status: 'open' }), 'newest')).toMatchObject({ index: ['open', 'newestKey'], countable: true });
    expect(planList(f({}), 'priority')).toMatchObject({ index: ['priorityKey'], countable: true });
  });

  it('uses the built-in views\' own indexes', () => {
    expect(planList(f({ status: 'open', assignee: 'u1' }), 'due').index).toEqual(['assigneeId', 'open', 'dueKey']);
    expect(planList(f({ status: 'open', department: 'er', overdue: true }), 'due')).toMatchObject({
      index: ['departmentId', 'overdue', 'dueKey'],
      // `open` is matched on the walk: no cheap count.
      countable: false,
    });
  });

  it('matches other filters on the walk and says a count would cost a scan', () => {
    const plan = planList(f({ status: 'PENDING', priority: 'high', department: NONE }), 'due');
    expect(plan.selector).toMatchObject({ status: { $eq: 'PENDING' }, priority: { $eq: 'high' }, departmentId: { $eq: '' } });
    expect(plan.countable).toBe(false);
  });

  it('pages strictly after the last key', () => {
    expect(planList(f({}), 'due', 'K').selector).toEqual({ dueKey: { $gt: 'K' } });
  });

  it('has a predicate that agrees with the selector on every filter', () => {
    const c = deriveListKeys(complaint(1, { status: 'IN_PROGRESS', priority: 'high', departmentId: 'er', overdue: true }));
    const yes: Partial<ListFilter>[] = [{}, { status: 'open' }, { status: 'IN_PROGRESS' }, { priority: 'high' }, { department: 'er' }, { assignee: NONE }, { overdue: true }, { from: c.createdAt, to: c.createdAt + 1 }];
    const no: Partial<ListFilter>[] = [{ status: 'PENDING' }, { priority: 'low' }, { department: NONE }, { assignee: 'u1' }, { source: 'MOH' }, { from: c.createdAt + 1 }, { to: c.createdAt }];
    for (const p of yes) expect(filterPredicate(f(p))(c), JSON.stringify(p)).toBe(true);
    for (const p of no) expect(filterPredicate(f(p))(c), JSON.stringify(p)).toBe(false);
  });
});
