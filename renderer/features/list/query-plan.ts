import type { MangoQuerySelector } from 'rxdb';
import { newestBound, type ListKeysDoc, type SortKey } from '../../db/list-keys.ts';
import { NONE, type ListFilter, type ListSort } from './filters.ts';

/**
 * How one list query runs on `listKeys` (renderer/db/list-keys.ts): the index to walk (always in
 * ascending order of the sort key, so the walk stops as soon as a page is full), the selector
 * (filters the index does not cover are matched on the way), and whether a count can be read from
 * the index alone (without it a count would read every matching document).
 */
export type ListPlan = {
  sortKey: SortKey;
  /** The schema index to walk (RxDB puts `_deleted` before and the primary key after it). */
  index: string[];
  selector: MangoQuerySelector<ListKeysDoc>;
  countable: boolean;
};

export const SORT_KEY_OF: Record<ListSort, SortKey> = { due: 'dueKey', newest: 'newestKey', priority: 'priorityKey' };

const none = (v: string) => (v === NONE ? '' : v);

/** The filters as equality and range conditions on list keys (search excluded). */
export function filterSelector(f: ListFilter): MangoQuerySelector<ListKeysDoc> {
  const s: MangoQuerySelector<ListKeysDoc> = {};
  if (f.status === 'open') s.open = { $eq: true };
  else if (f.status) s.status = { $eq: f.status };
  if (f.priority) s.priority = { $eq: f.priority };
  if (f.severity) s.severity = { $eq: f.severity };
  if (f.category) s.category = { $eq: f.category };
  if (f.source) s.sourceCode = { $eq: f.source };
  if (f.department) s.departmentId = { $eq: none(f.department) };
  if (f.assignee) s.assigneeId = { $eq: none(f.assignee) };
  if (f.overdue) s.overdue = { $eq: true };
  if (f.from !== null || f.to !== null) {
    s.createdAt = {};
    if (f.from !== null) s.createdAt.$gte = f.from;
    if (f.to !== null) s.createdAt.$lt = f.to;
  }
  return s;
}

/** The same filters as a predicate, for lists answered from memory (search). */
export function filterPredicate(f: ListFilter): (k: Omit<ListKeysDoc, 'tokens'>) => boolean {
  const department = none(f.department);
  const assignee = none(f.assignee);
  return (k) =>
    (f.status === '' || (f.status === 'open' ? k.open : k.status === f.status)) &&
    (f.priority === '' || k.priority === f.priority) &&
    (f.severity === '' || k.severity === f.severity) &&
    (f.category === '' || k.category === f.category) &&
    (f.source === '' || k.sourceCode === f.source) &&
    (f.department === '' || k.departmentId === department) &&
    (f.assignee === '' || k.assigneeId === assignee) &&
    (!f.overdue || k.overdue) &&
    (f.from === null || k.createdAt >= f.from) &&
    (f.to === null || k.createdAt < f.to);
}

/** The equality fields that lead an index, most selective first, per sort key. */
function leadingFields(f: ListFilter, sortKey: SortKey): string[] {
  if (sortKey === 'dueKey' && f.assignee && f.status === 'open') return ['assigneeId', 'open'];
  if (sortKey === 'dueKey' && f.department && f.overdue) return ['departmentId', 'overdue'];
  if (f.status === 'open') return ['open'];
  if (f.status) return ['status'];
  return [];
}

export function planList(f: ListFilter, sort: ListSort, after: string | null = null): ListPlan {
  const sortKey = SORT_KEY_OF[sort];
  const leading = leadingFields(f, sortKey);
  const selector = filterSelector(f);
  const range: Record<string, string> = {};
  // Newest first walks the inverted creation time: a date range bounds the walk itself.
  if (sortKey === 'newestKey') {
    if (f.from !== null) range.$lt = `${newestBound(f.from)}\uffff`;
    if (f.to !== null) range.$gte = newestBound(f.to - 1);
  }
  if (after !== null) {
    delete range.$gte;
    range.$gt = after;
  }
  if (Object.keys(range).length > 0) selector[sortKey] = range;
  const covered = new Set([...leading, sortKey]);
  const countable = after === null && Object.keys(selector).every((k) => covered.has(k)) && !(sortKey in selector);
  return { sortKey, index: [...leading, sortKey], selector, countable };
}
