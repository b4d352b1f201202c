import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase, type DeskDatabase } from '../db/database.ts';
import { complaint, department, event, hospital, source, uniqueName } from '../testing/fixtures.ts';
import { startFakeServer, type FakeServer } from '../testing/fake-sync-server.ts';
import { TokenKeeper } from '../auth/tokens.ts';
import { Outbox } from './outbox.ts';
import { startReplication, type DeskReplication } from './replication.ts';
import { SyncStatusStore } from './status.ts';
import { until } from '../testing/until.ts';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

type Desk = { db: DeskDatabase; replication: DeskReplication; status: SyncStatusStore; outbox: Outbox; keeper: TokenKeeper };

async function setup(server: FakeServer, opts: { firstSync?: boolean } = {}): Promise<Desk> {
  const db = await createDeskDatabase({ name: uniqueName('repl'), storage: getRxStorageMemory() });
  const status = new SyncStatusStore();
  const outbox = new Outbox();
  const keeper = new TokenKeeper(server.url, { accessToken: 'access-1', refreshToken: 'refresh-1' }, async () => undefined);
  const replication = startReplication(db, {
    serverUrl: server.url,
    hospitalId: 'h1',
    deskId: 'desk-1',
    getAccessToken: () => keeper.getAccessToken(),
    refreshAccessToken: () => keeper.refresh(),
    status,
    outbox,
    retryTime: 200,
    firstSync: opts.firstSync ?? false,
    stream: { initialDelayMs: 50, maxDelayMs: 200 },
  });
  cleanups.push(async () => {
    await replication.cancel();
    await db.close();
  });
  return { db, replication, status, outbox, keeper };
}

async function serve(): Promise<FakeServer> {
  const server = await startFakeServer();
  cleanups.push(() => server.close());
  return server;
}

describe('replication with the sync server protocol', () => {
  it('pulls every collection in pages of at most the batch size, following the seq checkpoint', async () => {
    const server = await serve();
    for (let i = 0; i < 1_100; i++) server.put('complaints', complaint(i), false);
    server.put('hospitals', hospital, false);
    server.put('departments', department, false);
    server.put('sources', source, false);

    const desk = await setup(server, { firstSync: true });
    expect(desk.status.getSnapshot().firstSync).not.toBeNull();
    await desk.replication.awaitInitial();

    expect(await desk.db.complaints.count().exec()).toBe(1_100);
    expect(await desk.db.departments.count().exec()).toBe(1);
    expect(desk.status.getSnapshot().firstSync).toBeNull();
    expect(desk.status.getSnapshot().lastSyncAt).not.toBeNull();
    const pulls = server.requests.filter((r) => r.path === '/api/v1/replication/complaints/pull');
    expect(pulls.length).toBeGreaterThanOrEqual(3);
    expect(pulls.every((r) => Number(r.query.limit) <= 500 && r.query.hospitalId === 'h1')).toBe(true);
    // Each page starts after the last seq of the previous one.
    expect(pulls.slice(0, 3).map((r) => Number(r.query.seq))).toEqual([0, 500, 1_000]);
  });

  it('pushes local writes, counts them as pending until acknowledged, and gets live changes from the stream', async () => {
    const server = await serve();
    const desk = await setup(server);
    await desk.replication.awaitInitial();

    const c = complaint(1);
    const created = event(c);
    desk.outbox.record('complaints', c);
    desk.outbox.record('events', created);
    expect(desk.outbox.count).toBe(2);
    await desk.db.complaints.insert(c);
    await desk.db.events.insert(created);
    await until(() => server.count('complaints') === 1 && server.count('events') === 1);
    await until(() => desk.outbox.count === 0);

    // Another desk's complaint arrives through the stream's `changed`, without polling.
    const other = complaint(2, { deskId: 'desk-2' });
    server.put('complaints', other);
    await until(async () => (await desk.db.complaints.findOne(other.id).exec()) !== null);
  });

  it('adopts the server state when a push conflicts', async () => {
    const server = await serve();
    const c = complaint(1);
    server.put('complaints', c, false);
    const desk = await setup(server);
    await desk.replication.awaitInitial();

    // Meanwhile someone else changed the title on the server, and this desk did not hear of it.
    server.put('complaints', { ...c, title: 'Title from another desk', updatedAt: c.updatedAt + 10 }, false);
    const doc = await desk.db.complaints.findOne(c.id).exec();
    const mine = { ...c, priority: 'urgent' as const, updatedAt: c.updatedAt + 5 };
    desk.outbox.record('complaints', mine);
    await doc!.incrementalPatch({ priority: 'urgent', updatedAt: mine.updatedAt });

    await until(async () => (await desk.db.complaints.findOne(c.id).exec())?.title === 'Title from another desk');
    const local = await desk.db.complaints.findOne(c.id).exec();
    expect(local?.priority).toBe('medium');
    expect(server.get('complaints', c.id)?.priority).toBe('medium');
    await until(() => desk.outbox.count === 0);
  });

  it('refreshes an expired access token once and carries on', async () => {
    const server = await serve();
    const desk = await setup(server);
    await desk.replication.awaitInitial();
    server.expireTokens();
    const c = complaint(7);
    desk.outbox.record('complaints', c);
    await desk.db.complaints.insert(c);
    await until(() => server.count('complaints') === 1);
    expect(server.refreshCount()).toBe(1);
    expect(desk.keeper.getAccessToken()).toBe('access-2');
  });

  it('goes offline when the server cannot be reached, keeps writes pending, and catches up after', async () => {
    const server = await serve();
    const desk = await setup(server);
    await desk.replication.awaitInitial();
    expect(desk.status.getSnapshot().online).toBe(true);

    server.setDown(true);
    const c = complaint(3);
    desk.outbox.record('complaints', c);
    await desk.db.complaints.insert(c);
    await until(() => desk.status.getSnapshot().online === false);
    expect(desk.outbox.count).toBe(1);

    server.setDown(false);
    await until(() => server.count('complaints') === 1);
    await until(() => desk.outbox.count === 0 && desk.status.getSnapshot().online);
  });
});
