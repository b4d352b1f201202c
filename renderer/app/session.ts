import type { SessionUser } from '../../shared/api.ts';
import { ServerInfoKeeper } from '../auth/server-info.ts';
import { TokenKeeper } from '../auth/tokens.ts';
import { DeskWriter } from '../data/writer.ts';
import { startAttachmentUploads } from '../features/attachments/uploads.ts';
import { createDeskDatabase, databaseNameFor, type AnyStorage, type DeskDatabase, type DeviceDatabase } from '../db/database.ts';
import { LocalStore, type HospitalLocals, type StoredUser, type UserRecords } from '../db/local-store.ts';
import { ReferenceBook } from '../sync/leasing.ts';
import { Outbox } from '../sync/outbox.ts';
import { startReplication, type DeskReplication } from '../sync/replication.ts';
import { SyncStatusStore } from '../sync/status.ts';

/**
 * Everything a signed-in desk runs for one hospital: its database, replication, outbox, sync
 * status and reference numbers. Opened after sign-in, closed at sign-out or hospital switch.
 */
export type DeskSession = {
  db: DeskDatabase;
  user: SessionUser;
  hospitalId: string;
  hospitals: StoredUser['hospitals'];
  serverUrl: string;
  /** Base of the tracking links printed and shown: the server's BASE_URL, else the URL in use. */
  trackingBaseUrl: string;
  /** The server's info as last learned (SLA defaults per severity for the projection), asked again on reconnect. */
  serverInfo: ServerInfoKeeper;
  deskId: string;
  status: SyncStatusStore;
  outbox: Outbox;
  refs: ReferenceBook;
  writer: DeskWriter;
  replication: DeskReplication;
  /** The workstation's own database (per-desk settings such as intake defaults). */
  device: DeviceDatabase;
  close(): Promise<void>;
};

export type OpenSessionOptions = {
  storage: AnyStorage;
  serverUrl: string;
  deskId: string;
  record: StoredUser;
  hospitalId: string;
  users: UserRecords;
  /** The workstation's own database (per-desk settings such as intake defaults). */
  device: DeviceDatabase;
};

const LEASE_CHECK_MS = 60_000;
const LAST_SYNC_SAVE_MS = 5_000;

export async function openDeskSession(o: OpenSessionOptions): Promise<DeskSession> {
  const db = await createDeskDatabase({
    name: databaseNameFor('cdesk_h_', o.hospitalId),
    storage: o.storage,
    closeDuplicates: true,
  });
  const store = new LocalStore<HospitalLocals>(db);
  const lastSync = await store.get('lastSync');
  const status = new SyncStatusStore({
    lastSyncAt: lastSync?.at ?? null,
    browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  });
  const outbox = new Outbox({
    load: async () => (await store.get('outbox'))?.entries ?? null,
    save: (entries) => store.set('outbox', { entries }),
  });
  await outbox.init();
  status.update({ pending: outbox.count });
  const offOutbox = outbox.onChange((pending) => status.update({ pending }));

  // New tokens and new server info both rewrite the user's record: one after the other, so neither
  // write brings back what the other just replaced (a stale refresh token would sign the desk out).
  let userWrites: Promise<void> = Promise.resolve();
  const updateUser = (patch: Partial<StoredUser>): Promise<void> => {
    userWrites = userWrites.catch(() => undefined).then(async () => {
      const current = (await o.users.get(o.record.user.username)) ?? o.record;
      await o.users.set({ ...current, ...patch });
    });
    return userWrites;
  };
  const keeper = new TokenKeeper(o.serverUrl, o.record, (response) => updateUser(response));
  const refs = new ReferenceBook({ store, deskId: o.deskId, hospitalId: o.hospitalId });
  const replication = startReplication(db, {
    serverUrl: o.serverUrl,
    hospitalId: o.hospitalId,
    deskId: o.deskId,
    userId: o.record.user.id,
    getAccessToken: () => keeper.getAccessToken(),
    refreshAccessToken: () => keeper.refresh(),
    status,
    outbox,
    firstSync: lastSync === null,
  });
  refs.setApi(replication.api);
  // Attachment bytes travel apart from replication (features/attachments/uploads.ts).
  const attachments = startAttachmentUploads(o.hospitalId, { api: replication.api, status });
  const serverInfo = new ServerInfoKeeper(
    { publicBaseUrl: o.record.publicBaseUrl ?? o.serverUrl, severityDefaults: o.record.severityDefaults ?? {} },
    (info) => updateUser(info),
  );
  const refreshInfo = () => void serverInfo.refresh(replication.api);
  refreshInfo();

  const replenish = () => void refs.replenish().catch(() => undefined);
  replenish();
  const leaseTimer = setInterval(replenish, LEASE_CHECK_MS);

  // Save the last sync time now and then (not at every request) and lease again on reconnect.
  // Until the first full download finishes, keep `lastSync` empty: an interrupted first sync
  // shows its progress again at the next start.
  let initialDone = false;
  let savedSyncAt = lastSync?.at ?? 0;
  let wasOnline = status.getSnapshot().online;
  const offStatus = status.subscribe(() => {
    const s = status.getSnapshot();
    if (s.online && !wasOnline) {
      replenish();
      refreshInfo();
    }
    wasOnline = s.online;
    if (initialDone && s.lastSyncAt !== null && s.lastSyncAt - savedSyncAt >= LAST_SYNC_SAVE_MS) {
      savedSyncAt = s.lastSyncAt;
      void store.set('lastSync', { at: s.lastSyncAt }).catch(() => undefined);
    }
  });
  void replication.awaitInitial().then(() => {
    initialDone = true;
    const at = status.getSnapshot().lastSyncAt;
    if (at !== null) void store.set('lastSync', { at }).catch(() => undefined);
  }, () => undefined);

  return {
    db,
    user: o.record.user,
    hospitalId: o.hospitalId,
    hospitals: o.record.hospitals,
    serverUrl: o.serverUrl,
    trackingBaseUrl: o.record.publicBaseUrl ?? o.serverUrl,
    serverInfo,
    deskId: o.deskId,
    status,
    outbox,
    refs,
    writer: new DeskWriter(db, outbox),
    replication,
    device: o.device,
    async close() {
      clearInterval(leaseTimer);
      attachments.stop();
      offStatus();
      offOutbox();
      await replication.cancel();
      await outbox.flush();
      await db.close();
    },
  };
}
