import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeviceDatabase, type DeviceDatabase } from '../db/database.ts';
import { UserRecords } from '../db/local-store.ts';
import { hospital, uniqueName } from '../testing/fixtures.ts';
import { FAKE_PASSWORD, startFakeServer, type FakeServer } from '../testing/fake-sync-server.ts';
import { login, normalizeServerUrl } from './login.ts';

let db: DeviceDatabase | null = null;
let server: FakeServer | null = null;
afterEach(async () => {
  await db?.close();
  await server?.close();
  db = null;
  server = null;
});

async function setup() {
  server = await startFakeServer();
  server.put('hospitals', hospital, false);
  server.put('hospitals', { ...hospital, id: 'h2', code: 'NORTH' }, false);
  db = await createDeviceDatabase({ name: uniqueName('device'), storage: getRxStorageMemory() });
  return { server, users: new UserRecords(db) };
}

describe('login', () => {
  it('signs in online, picks the first hospital for a group-level user, and keeps only a verifier', async () => {
    const { server, users } = await setup();
    const result = await login({ serverUrl: `${server.url}/`, username: ' desk ', password: FAKE_PASSWORD }, users);
    expect(result).toMatchObject({ ok: true, offline: false, hospitalId: 'h1' });
    const stored = await users.get('desk');
    expect(stored?.hospitals.map((h) => h.code)).toEqual(['MAIN', 'NORTH']);
    expect(JSON.stringify(stored)).not.toContain(FAKE_PASSWORD);
    // Receipts print the server's public tracking base, not the address this desk uses.
    expect(stored?.publicBaseUrl).toBe('https://track.example.sa');
  });

  it('refuses wrong credentials online', async () => {
    const { server, users } = await setup();
    expect(await login({ serverUrl: server.url, username: 'desk', password: 'nope' }, users)).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
  });

  it('signs in offline with the password of an earlier online sign-in, and refuses a wrong one', async () => {
    const { server, users } = await setup();
    await login({ serverUrl: server.url, username: 'desk', password: FAKE_PASSWORD }, users);
    server.setDown(true);
    const offline = await login({ serverUrl: server.url, username: 'DESK', password: FAKE_PASSWORD }, users);
    expect(offline).toMatchObject({ ok: true, offline: true, hospitalId: 'h1' });
    expect(await login({ serverUrl: server.url, username: 'desk', password: 'wrong-pass' }, users)).toEqual({
      ok: false,
      code: 'offline_wrong_password',
    });
    expect(await login({ serverUrl: server.url, username: 'stranger', password: 'x' }, users)).toEqual({
      ok: false,
      code: 'offline_unknown_user',
    });
  });

  it('accepts only http(s) server addresses', () => {
    expect(normalizeServerUrl(' http://127.0.0.1:8080/ ')).toBe('http://127.0.0.1:8080');
    expect(normalizeServerUrl('ftp://x')).toBeNull();
    expect(normalizeServerUrl('not a url')).toBeNull();
  });
});
