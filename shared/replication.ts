import { z } from 'zod';
import {
  complaintDocSchema,
  departmentDocSchema,
  hospitalDocSchema,
  calendarDocSchema,
  escalationRuleDocSchema,
  slaConfigDocSchema,
  sourceDocSchema,
  staffDocSchema,
  staffNotificationDocSchema,
  timelineEventDocSchema,
} from './documents.ts';
import { categoryDocSchema } from './admin-documents.ts';

/**
 * The replication contract between a desk and the sync server.
 *
 * Pull:   GET  /api/v1/replication/:collection/pull?hospitalId=&seq=&limit=
 *         → PullResponse. `seq` is the server-assigned, commit-ordered sequence of the last
 *         document the desk has; the answer holds at most `limit` documents with a larger seq,
 *         in seq order, and the checkpoint of the last one (or the request's when empty).
 * Push:   POST /api/v1/replication/:collection/push?hospitalId=   body PushRequest
 *         → PushResponse: the server's current state of every row it did not take as sent
 *         (a conflict, a field the desk may not change, a refused transition). Replaying a push
 *         changes nothing (idempotent). Only `complaints`, `events` and `notifications` (its
 *         `readAt`, by the notification's own user) accept pushes.
 * Stream: GET  /api/v1/replication/stream?hospitalId=   (Server-Sent Events, bearer auth)
 *         → `event: hello` once connected, then `event: changed` with StreamChanged data. The
 *         desk answers every hello (first connect and each reconnect) with a RESYNC of all
 *         collections, and each `changed` with a RESYNC of the collections named.
 *
 * Every call is scoped to `hospitalId`, which must be one the caller may see; nothing of another
 * hospital is ever sent, conflict answers included.
 */

export const COLLECTIONS = {
  complaints: complaintDocSchema,
  events: timelineEventDocSchema,
  hospitals: hospitalDocSchema,
  departments: departmentDocSchema,
  staff: staffDocSchema,
  sources: sourceDocSchema,
  slaConfigs: slaConfigDocSchema,
  escalationRules: escalationRuleDocSchema,
  calendars: calendarDocSchema,
  notifications: staffNotificationDocSchema,
  categories: categoryDocSchema,
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
export const PUSHABLE_COLLECTIONS = ['complaints', 'events', 'notifications'] as const satisfies readonly CollectionName[];
/**
 * Collections scoped to the signed-in user as well as the hospital: the server sends a user only
 * their own rows, and a desk keeps a pull checkpoint per user (several people may share one
 * workstation's database of a hospital).
 */
export const USER_SCOPED_COLLECTIONS = ['notifications'] as const satisfies readonly CollectionName[];
export type PushableCollection = (typeof PUSHABLE_COLLECTIONS)[number];

export type DocOf<C extends CollectionName> = z.infer<(typeof COLLECTIONS)[C]>;
/** What travels over the wire: the document plus RxDB's tombstone flag. */
export type WireDoc<C extends CollectionName> = DocOf<C> & { _deleted: boolean };

export const PULL_LIMIT_MAX = 2_000;
export const pullQuerySchema = z.object({
  hospitalId: z.string().min(1).max(40),
  seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_LIMIT_MAX).default(200),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export type Checkpoint = { seq: number };
export type PullResponse<C extends CollectionName> = {
  documents: WireDoc<C>[];
  checkpoint: Checkpoint;
};

export function pushRequestSchema<C extends PushableCollection>(collection: C) {
  const doc = COLLECTIONS[collection].extend({ _deleted: z.boolean() });
  return z.object({
    /** The desk that sends: recorded on conflicts and used to check leased reference numbers. */
    deskId: z.string().min(1).max(40),
    rows: z
      .array(z.object({ assumedMasterState: doc.nullable(), newDocumentState: doc }))
      .max(500),
  });
}
export type PushRow<C extends PushableCollection> = {
  assumedMasterState: WireDoc<C> | null;
  newDocumentState: WireDoc<C>;
};
export type PushRequest<C extends PushableCollection> = { deskId: string; rows: PushRow<C>[] };
export type PushResponse<C extends PushableCollection> = { conflicts: WireDoc<C>[] };

export type StreamChanged = { collections: CollectionName[] };

export const replicationPaths = {
  pull: (c: CollectionName) => `/api/v1/replication/${c}/pull`,
  push: (c: PushableCollection) => `/api/v1/replication/${c}/push`,
  stream: '/api/v1/replication/stream',
} as const;
