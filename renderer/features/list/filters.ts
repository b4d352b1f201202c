import { COMPLAINT_STATUSES, PRIORITIES, SEVERITIES, type ComplaintStatus, type Priority, type Severity } from '../../../shared/enums.ts';

/** `open`: any status not yet resolved, closed or cancelled. */
export type StatusFilter = ComplaintStatus | 'open' | '';
export type ListSort = 'due' | 'newest' | 'priority';
export const LIST_SORTS: readonly ListSort[] = ['due', 'newest', 'priority'];

/** Stands for "no department" / "unassigned" in the department and assignee filters. */
export const NONE = '-';

/** What the list shows. Empty strings and nulls mean "any". Dates are local-day bounds in ms. */
export type ListFilter = {
  status: StatusFilter;
  priority: Priority | '';
  severity: Severity | '';
  category: string;
  source: string;
  /** A department id, NONE, or '' for any. */
  department: string;
  /** A staff id, NONE (unassigned), or '' for any. */
  assignee: string;
  overdue: boolean;
  /** Created at or after (ms). */
  from: number | null;
  /** Created before (ms, exclusive). */
  to: number | null;
  search: string;
};

export type ListQuery = { filter: ListFilter; sort: ListSort };

export const EMPTY_FILTER: ListFilter = {
  status: '',
  priority: '',
  severity: '',
  category: '',
  source: '',
  department: '',
  assignee: '',
  overdue: false,
  from: null,
  to: null,
  search: '',
};

/** What a desk opens on: the open complaints, the most urgent deadline first. */
export const DEFAULT_QUERY: ListQuery = { filter: { ...EMPTY_FILTER, status: 'open' }, sort: 'due' };

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** A stored query (saved view) as far as it is still valid: unknown or bad parts become "any". */
export function sanitizeQuery(raw: unknown): ListQuery {
  const q = (raw && typeof raw === 'object' ? raw : {}) as { filter?: Record<string, unknown>; sort?: unknown };
  const f = q.filter && typeof q.filter === 'object' ? q.filter : {};
  return {
    sort: oneOf(LIST_SORTS, q.sort) ? q.sort : 'due',
    filter: {
      status: f.status === 'open' || oneOf(COMPLAINT_STATUSES, f.status) ? (f.status as StatusFilter) : '',
      priority: oneOf(PRIORITIES, f.priority) ? f.priority : '',
      severity: oneOf(SEVERITIES, f.severity) ? f.severity : '',
      category: text(f.category, 60),
      source: text(f.source, 20),
      department: text(f.department, 40),
      assignee: text(f.assignee, 40),
      overdue: f.overdue === true,
      from: time(f.from),
      to: time(f.to),
      search: text(f.search, 200),
    },
  };
}

/** How many filters (search included) narrow the list: shown on the filter toggle. */
export function activeFilterCount(f: ListFilter): number {
  const set = [f.status, f.priority, f.severity, f.category, f.source, f.department, f.assignee, f.search.trim()].filter((v) => v !== '');
  return set.length + (f.overdue ? 1 : 0) + (f.from !== null ? 1 : 0) + (f.to !== null ? 1 : 0);
}
