import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/replication.ts';
import { startFakeServer, type FakeServer } from '../testing/fake-sync-server.ts';
import { createApi } from './http.ts';
import { openChangeStream, type ChangeStream } from './stream.ts';
import { until } from '../testing/until.ts';

let server: FakeServer | null = null;
let stream: ChangeStream | null = null;
afterEach(async () => {
  stream?.close();
  await server?.close();
});

describe('change stream', () => {
  it('resyncs everything on hello, the named collections on changed, and reconnects after a silent connection', async () => {
    server = await startFakeServer();
    const resyncs: (readonly CollectionName[])[] = [];
    let broken = 0;
    const api = createApi({ serverUrl: server.url, auth: { getAccessToken: () => 'access-1' } });
    stream = openChangeStream({
      api,
      hospitalId: 'h1',
      onResync: (c) => resyncs.push(c),
      onBroken: () => broken++,
      initialDelayMs: 20,
      maxDelayMs: 50,
      idleTimeoutMs: 400,
    });
    await until(() => resyncs.length === 1);
    expect(resyncs[0]).toEqual(COLLECTION_NAMES);
    server.put('staff', { id: 's9' });
    await until(() => resyncs.length === 2);
    expect(resyncs[1]).toEqual(['staff']);
    // No heartbeat from the fake: the desk gives up on the silent connection and says hello again.
    await until(() => broken >= 1 && resyncs.length >= 3);
    expect(resyncs[2]).toEqual(COLLECTION_NAMES);
  });

  it('keeps retrying while the server is unreachable and recovers when it is back', async () => {
    server = await startFakeServer();
    server.setDown(true);
    const outcomes: boolean[] = [];
    let hellos = 0;
    const api = createApi({ serverUrl: server.url, auth: { getAccessToken: () => 'access-1' }, onOutcome: (ok) => outcomes.push(ok) });
    stream = openChangeStream({ api, hospitalId: 'h1', onResync: () => hellos++, initialDelayMs: 20, maxDelayMs: 50 });
    await until(() => outcomes.filter((o) => !o).length >= 2);
    server.setDown(false);
    await until(() => hellos === 1);
    expect(outcomes.at(-1)).toBe(true);
  });
});
