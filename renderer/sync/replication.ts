import { Subject } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import {
  COLLECTION_NAMES,
  PUSHABLE_COLLECTIONS,
  USER_SCOPED_COLLECTIONS,
  replicationPaths,
  type Checkpoint,
  type CollectionName,
  type DocOf,
  type PullResponse,
  type PushableCollection,
  type PushResponse,
  type WireDoc,
} from '../../shared/replication.ts';
import type { DeskDatabase } from '../db/database.ts';
import { createApi, type Api, type FetchLike } from './http.ts';
import type { Outbox } from './outbox.ts';
import type { SyncStatusStore } from './status.ts';
import { openChangeStream, type ChangeStream } from './stream.ts';

export type ReplicationOptions = {
  serverUrl: string;
  hospitalId: string;
  deskId: string;
  /** The signed-in user: user-scoped collections keep their pull checkpoint per user. */
  userId?: string;
  getAccessToken: () => string | null;
  /** Renews the access token; true when it did. Called once on a 401 before the retry. */
  refreshAccessToken?: () => Promise<boolean>;
  status?: SyncStatusStore;
  outbox?: Outbox;
  fetch?: FetchLike;
  /** Seconds matter to a desk coming back online: retry failed requests quickly. */
  retryTime?: number;
  /** Show first-download progress (the hospital's data was never pulled on this desk). */
  firstSync?: boolean;
  now?: () => number;
  /** Stream reconnect back-off bounds (tests shorten them). */
  stream?: { initialDelayMs?: number; maxDelayMs?: number };
};

export type DeskReplication = {
  api: Api;
  states: { [C in CollectionName]: RxReplicationState<DocOf<C>, Checkpoint> };
  /** Resolves once every collection finished its first pull and push cycle. */
  awaitInitial(): Promise<void>;
  reSyncAll(): void;
  cancel(): Promise<void>;
};

/** Complaints and events are the bulk; the reference lists are small. */
const PULL_BATCH: Partial<Record<CollectionName, number>> = { complaints: 500, events: 500 };
const pullBatch = (c: CollectionName) => PULL_BATCH[c] ?? 200;
const PUSH_BATCH = 50;

/** RxDB internals (`_meta`, `_rev`, `_attachments`) never travel; `_deleted` does. */
function toWire<C extends CollectionName>(doc: object): WireDoc<C> {
  return Object.fromEntries(
    Object.entries(doc).filter(([k]) => k === '_deleted' || !k.startsWith('_')),
  ) as WireDoc<C>;
}

const userScoped = (c: CollectionName) => (USER_SCOPED_COLLECTIONS as readonly string[]).includes(c);

const isPushable = (c: CollectionName): c is PushableCollection =>
  (PUSHABLE_COLLECTIONS as readonly string[]).includes(c);

export function startReplication(db: DeskDatabase, options: ReplicationOptions): DeskReplication {
  const { status, outbox, hospitalId, deskId } = options;
  const now = options.now ?? Date.now;
  const api = createApi({
    serverUrl: options.serverUrl,
    auth: {
      getAccessToken: options.getAccessToken,
      ...(options.refreshAccessToken ? { refresh: options.refreshAccessToken } : {}),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onOutcome: (ok) => status?.requestOutcome(ok),
    onAuthLost: () => status?.update({ authLost: true }),
  });

  // First-download progress: documents pulled so far against an estimate. A collection that has
  // not answered yet makes the estimate unknown; a full page promises at least one more; the
  // integration API's count of complaints, when it answers, bounds the biggest collection.
  const progress = new Map<CollectionName, { pulled: number; full: boolean }>();
  let complaintsTotal: number | null = null;
  let firstSyncRunning = options.firstSync === true;
  const reportProgress = () => {
    if (!firstSyncRunning || !status) return;
    let pulled = 0;
    let estimate: number | null = 0;
    for (const c of COLLECTION_NAMES) {
      const p = progress.get(c);
      pulled += p?.pulled ?? 0;
      if (!p) estimate = null;
      else if (estimate !== null) {
        const guess = p.pulled + (p.full ? pullBatch(c) : 0);
        estimate += c === 'complaints' && complaintsTotal !== null ? Math.max(complaintsTotal, p.pulled) : guess;
      }
    }
    status.update({ firstSync: { pulled, estimate: estimate === null ? null : Math.max(estimate, pulled) } });
  };
  reportProgress();
  if (firstSyncRunning) {
    api
      .json<{ pagination?: { total?: number } }>('/api/v1/complaints', { query: { hospitalId, limit: 1 } })
      .then((r) => {
        complaintsTotal = typeof r.pagination?.total === 'number' ? r.pagination.total : null;
        reportProgress();
      })
      .catch(() => undefined);
  }

  const synced = () => status?.update({ lastSyncAt: now() });
  const resync = new Map<CollectionName, Subject<RxReplicationPullStreamItem<never, Checkpoint>>>(
    COLLECTION_NAMES.map((c) => [c, new Subject()]),
  );

  const replicate = <C extends CollectionName>(name: C): RxReplicationState<DocOf<C>, Checkpoint> => {
    const collection = db.collections[name];
    const pushable = isPushable(name);
    return replicateRxCollection<DocOf<C>, Checkpoint>({
      // The server URL and hospital are part of the identity: another server starts afresh. A
      // user-scoped collection's checkpoint is the user's: the next person on this workstation
      // must pull their own rows from the start, not from where the previous user stopped.
      replicationIdentifier: `desk-${name}-${options.serverUrl}-${hospitalId}${userScoped(name) && options.userId ? `-${options.userId}` : ''}`,
      collection: collection as never,
      live: true,
      retryTime: options.retryTime ?? 3_000,
      waitForLeadership: false,
      // A desk minimised behind another window must keep syncing.
      toggleOnDocumentVisible: false,
      pull: {
        batchSize: pullBatch(name),
        stream$: resync.get(name)!.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const body = await api.json<PullResponse<C>>(replicationPaths.pull(name), {
            query: { hospitalId, seq: checkpoint?.seq ?? 0, limit: batchSize },
          });
          const p = progress.get(name) ?? { pulled: 0, full: true };
          progress.set(name, { pulled: p.pulled + body.documents.length, full: body.documents.length >= batchSize });
          reportProgress();
          synced();
          return {
            documents: body.documents.map((d) => toWire<C>(d)) as never,
            checkpoint: body.documents.length > 0 ? body.checkpoint : (checkpoint ?? body.checkpoint),
          };
        },
      },
      ...(pushable
        ? {
            push: {
              batchSize: PUSH_BATCH,
              handler: async (rows: RxReplicationWriteToMasterRow<DocOf<C>>[]) => {
                const wireRows = rows.map((r) => ({
                  assumedMasterState: r.assumedMasterState ? toWire<C>(r.assumedMasterState) : null,
                  newDocumentState: toWire<C>(r.newDocumentState),
                }));
                const body = await api.json<PushResponse<PushableCollection>>(replicationPaths.push(name), {
                  method: 'POST',
                  query: { hospitalId },
                  body: { deskId, rows: wireRows },
                });
                outbox?.ack(name, wireRows.map((r) => r.newDocumentState as unknown as { id: string }));
                synced();
                // RxDB's default conflict handler adopts the server's state of these rows.
                return body.conflicts.map((d) => toWire<C>(d)) as never;
              },
            },
          }
        : {}),
    });
  };

  const states = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, replicate(c)])) as DeskReplication['states'];
  for (const state of Object.values(states)) {
    state.error$.subscribe((error) => {
      // Network failures are already shown by the indicator; anything else deserves a trace.
      const cause = (error.parameters as { errors?: { name?: string }[] } | undefined)?.errors?.[0];
      if (cause?.name !== 'OfflineError') console.warn('replication error', error);
    });
  }

  const reSyncAll = () => {
    for (const s of resync.values()) s.next('RESYNC');
  };

  const stream: ChangeStream = openChangeStream({
    api,
    hospitalId,
    onResync: (collections) => {
      for (const c of collections) resync.get(c)?.next('RESYNC');
    },
    onBroken: () => status?.requestOutcome(false),
    ...(options.stream ?? {}),
  });

  const win = typeof window === 'undefined' ? null : window;
  const setBrowserOnline = () => status?.update({ browserOnline: navigator.onLine });
  const onOnline = () => {
    setBrowserOnline();
    stream.reconnectNow();
    reSyncAll();
  };
  if (win) {
    setBrowserOnline();
    win.addEventListener('online', onOnline);
    win.addEventListener('offline', setBrowserOnline);
  }

  const initial = Promise.all(Object.values(states).map((s) => s.awaitInitialReplication())).then(() => {
    outbox?.settleLoaded();
    firstSyncRunning = false;
    status?.update({ firstSync: null });
  });
  // Nobody may be awaiting it; a cancelled replication must not surface as an unhandled rejection.
  initial.catch(() => undefined);

  return {
    api,
    states,
    awaitInitial: () => initial,
    reSyncAll,
    async cancel() {
      stream.close();
      if (win) {
        win.removeEventListener('online', onOnline);
        win.removeEventListener('offline', setBrowserOnline);
      }
      await Promise.all(Object.values(states).map((s) => s.cancel()));
      for (const s of resync.values()) s.complete();
    },
  };
}
