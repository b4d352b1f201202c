import type { RxJsonSchema } from 'rxdb';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { COMPLAINT_STATUSES, PRIORITIES, SEVERITIES, type ComplaintStatus, type Priority, type Severity } from '../../shared/enums.ts';
import { complaintSearchTokens } from '../../shared/search.ts';
import { isActive } from '../../shared/workflow.ts';

/**
 * `listKeys`: one desk-local (never replicated) document per complaint holding what the complaint
 * list filters, sorts and searches on, derived from the complaint by `deriveListKeys` and kept
 * current by the indexer (list-indexer.ts).
 *
 * Why a collection of its own rather than indexes on `complaints`: IndexedDB leaves a record out
 * of a compound index when any part of its key is null, so indexes on the nullable `dueAt`,
 * `departmentId` or `assigneeId` would silently drop complaints from the lists; and the complaint
 * document is the replicated wire format, so derived non-null keys cannot be added to it without
 * sending them to the server. Here every key is non-null: '' stands for "none".
 *
 * The sort keys are strings that end in the complaint id, so each is unique and a page can start
 * strictly after the last key of the page before (keyset paging, no `skip`), and all of them sort
 * ascending (on Dexie a descending sort reads the whole index range): "newest first" walks an
 * ascending index on the inverted creation time.
 */
export type ListKeysDoc = {
  id: string;
  status: ComplaintStatus;
  /** Not yet resolved, closed or cancelled. */
  open: boolean;
  priority: Priority;
  severity: Severity;
  category: string;
  sourceCode: string;
  departmentId: string;
  assigneeId: string;
  overdue: boolean;
  createdAt: number;
  /** Due time (complaints without one last), then id. */
  dueKey: string;
  /** Inverted creation time, then id: ascending order is newest first. */
  newestKey: string;
  /** Priority rank (urgent first), then the due key. */
  priorityKey: string;
  /** The search tokens (shared/search.ts), space separated. */
  tokens: string;
};

/** Bump when `deriveListKeys` changes: the indexer then derives every complaint again. */
export const LIST_KEYS_VERSION = 1;

const DIGITS = 16;
const MAX_TIME = 8_640_000_000_000_000;
const NO_DUE = '9'.repeat(DIGITS);
const ID_MAX = 40;
const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

const padTime = (ms: number) => String(ms).padStart(DIGITS, '0');

export const dueKeyOf = (dueAt: number | null, id: string) => (dueAt === null ? NO_DUE : padTime(dueAt)) + id;
export const newestKeyOf = (createdAt: number, id: string) => padTime(MAX_TIME - createdAt) + id;
export const priorityKeyOf = (priority: Priority, dueAt: number | null, id: string) => String(PRIORITY_RANK[priority]) + dueKeyOf(dueAt, id);

/** The bound of `newestKey` for complaints created at `ms`: newer ones sort before it. */
export const newestBound = (ms: number) => padTime(MAX_TIME - ms);

export function deriveListKeys(c: ComplaintDoc): ListKeysDoc {
  return {
    id: c.id,
    status: c.status,
    open: isActive(c.status),
    priority: c.priority,
    severity: c.severity,
    category: c.category ?? '',
    sourceCode: c.sourceCode,
    departmentId: c.departmentId ?? '',
    assigneeId: c.assigneeId ?? '',
    overdue: c.overdue,
    createdAt: c.createdAt,
    dueKey: dueKeyOf(c.dueAt, c.id),
    newestKey: newestKeyOf(c.createdAt, c.id),
    priorityKey: priorityKeyOf(c.priority, c.dueAt, c.id),
    tokens: complaintSearchTokens(c).join(' '),
  };
}

/** The sort keys the list offers, each with its own indexes. */
export const SORT_KEYS = ['dueKey', 'newestKey', 'priorityKey'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * Equality prefixes that have an index per sort key; every other filter is matched while the
 * index is walked in order (the walk stops once a page is full). `status` and `open` serve the
 * status filter, `[assigneeId, open]` "my open", `[departmentId, overdue]` "overdue in my
 * department". Each index costs a little on every write, so only these.
 */
export const LIST_KEY_INDEXES: string[][] = [
  ...SORT_KEYS.map((k) => [k]),
  ...SORT_KEYS.map((k) => ['status', k]),
  ...SORT_KEYS.map((k) => ['open', k]),
  ['assigneeId', 'open', 'dueKey'],
  ['departmentId', 'overdue', 'dueKey'],
];

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const LIST_KEYS_SCHEMA: RxJsonSchema<ListKeysDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: str(ID_MAX),
    status: { type: 'string', enum: [...COMPLAINT_STATUSES], maxLength: 12 },
    open: { type: 'boolean' },
    priority: { type: 'string', enum: [...PRIORITIES], maxLength: 6 },
    severity: { type: 'string', enum: [...SEVERITIES], maxLength: 8 },
    category: str(60),
    sourceCode: str(20),
    departmentId: str(ID_MAX),
    assigneeId: str(ID_MAX),
    overdue: { type: 'boolean' },
    createdAt: { type: 'integer', minimum: 0, maximum: MAX_TIME, multipleOf: 1 },
    dueKey: str(DIGITS + ID_MAX),
    newestKey: str(DIGITS + ID_MAX),
    priorityKey: str(1 + DIGITS + ID_MAX),
    tokens: { type: 'string' },
  },
  required: [
    'id',
    'status',
    'open',
    'priority',
    'severity',
    'category',
    'sourceCode',
    'departmentId',
    'assigneeId',
    'overdue',
    'createdAt',
    'dueKey',
    'newestKey',
    'priorityKey',
    'tokens',
  ],
  indexes: LIST_KEY_INDEXES,
  additionalProperties: false,
};
