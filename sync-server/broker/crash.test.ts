import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HospitalSummary, LoginResponse } from '../../shared/api.ts';
import { waitFor } from '../notifications/testing.ts';
import { startChildServer, type ChildServer } from '../test/child-server.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { brokerReachable, startConsumer, TEST_AMQP_URL, type TestConsumer } from './testing.ts';

/**
 * Nothing is lost on the way to the broker when the connection to it drops, or when the server
 * process is SIGKILLed the moment the broker took a message (before the server could record that
 * it did): every event of the database arrives, a repeat only ever as the same message.
 */
const ADMIN_PASSWORD = 'broker-admin-password-1';
const reachable = await brokerReachable();

/** A TCP relay to the broker that the test can cut (every connection dropped, new ones refused). */
async function startRelay(target: URL): Promise<{ url: string; cut(): void; mend(): void; close(): Promise<void> }> {
  let open = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 5672), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const relayed = new URL(target.href);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(port);
  return {
    url: relayed.href,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    mend() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!reachable)('the broker publisher under failure', () => {
  let db: TestDatabase;
  let dataDir: string;
  let consumer: TestConsumer;
  let server: ChildServer | null = null;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
    dataDir = await mkdtemp(join(tmpdir(), 'cd-broker-crash-'));
    consumer = await startConsumer();
  });
  afterAll(async () => {
    await killHard();
    await consumer?.close();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const startServer = async (amqpUrl: string): Promise<string> => {
    server = await startChildServer({ databaseUrl: db.url, dataDir, adminPassword: ADMIN_PASSWORD, env: { AMQP_URL: amqpUrl, AMQP_EXCHANGE: consumer.exchange } });
    return server.base;
  };
  const killHard = () => server?.killHard() ?? Promise.resolve();

  async function deskApi(base: string) {
    const login = (await (await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    })).json()) as LoginResponse;
    const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
    const hospitals = (await (await fetch(`${base}/api/v1/hospitals`, { headers })).json()) as HospitalSummary[];
    return async (title: string): Promise<number> => {
      const body = { hospitalId: hospitals[0]?.id, sourceCode: 'FAMILY', title, description: 'No one answered the ward phone.', complainant: { name: 'Omar' } };
      const res = await fetch(`${base}/api/v1/complaints`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(() => null);
      return res?.status ?? 0;
    };
  }

  const allEventIds = async () => (await db.pool.query<{ id: string }>('SELECT id FROM events ORDER BY seq')).rows.map((r) => r.id);
  const everyEventArrived = async () => {
    const ids = await allEventIds();
    const got = new Set(consumer.received.map((m) => m.messageId));
    return ids.length > 0 && ids.every((id) => got.has(id));
  };
  /** A message seen twice is the same message: same routing, same body. */
  function expectRepeatsIdentical(): void {
    const byId = new Map<string, string>();
    for (const m of consumer.received) {
      const seen = JSON.stringify([m.routingKey, m.body]);
      expect(byId.get(m.messageId) ?? seen).toBe(seen);
      byId.set(m.messageId, seen);
    }
  }

  it('delivers what was written while the broker connection was down once it is back', async () => {
    const relay = await startRelay(new URL(TEST_AMQP_URL));
    try {
      const create = await deskApi(await startServer(relay.url));
      expect(await create('Before the cut')).toBe(201);
      await waitFor(everyEventArrived, 'the first event');

      relay.cut();
      for (let i = 0; i < 5; i++) expect(await create(`During the cut ${i}`)).toBe(201);
      await new Promise((r) => setTimeout(r, 1_000));
      relay.mend();
      await waitFor(everyEventArrived, 'the events written during the cut', 45_000);
      expectRepeatsIdentical();
    } finally {
      await killHard();
      await relay.close();
    }
  });

  it('loses nothing when the server is killed the moment the broker took a message', async () => {
    const create = await deskApi(await startServer(TEST_AMQP_URL));
    const before = consumer.received.length;
    let killed: Promise<void> | null = null;
    const watch = setInterval(() => {
      if (!killed && consumer.received.length > before) killed = killHard();
    }, 1);
    try {
      // Keep writing until the kill stops the server from answering.
      for (let i = 0; i < 200 && !killed; i++) if ((await create(`Burst ${i}`)) !== 201) break;
      await waitFor(() => killed !== null, 'the kill');
      await killed;
    } finally {
      clearInterval(watch);
    }
    await startServer(TEST_AMQP_URL);
    await waitFor(everyEventArrived, 'every event after the restart', 45_000);
    expectRepeatsIdentical();
  });
});
