import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HospitalSummary, LoginResponse } from '../../shared/api.ts';
import { startChildServer, type ChildServer } from '../test/child-server.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { gatewayEnv, startFakeGateway, waitFor, type FakeGateway } from './testing.ts';

/**
 * The server process is SIGKILLed after handing an SMS to the gateway and before recording the
 * answer. The gateway took it (the phone has it). What must hold: the complainant gets no second
 * SMS. The restarted server cannot know whether the gateway got it, so it sends again — with the
 * same `reference`, which the brief's gateway contract makes the message's idempotency key, so the
 * gateway answers with the id it already gave and sends nothing. Exactly one SMS reaches the phone,
 * and the message ends `sent` with that id, both attempts on the timeline.
 */
const ADMIN_PASSWORD = 'crash-admin-password-1';

let db: TestDatabase;
let gw: FakeGateway;
let dataDir: string;
let server: ChildServer | null = null;

// A short gateway time-out makes the abandoned attempt's lease (3 × time-out, at least 5 s) short.
const startServer = async () => (server = await startChildServer({ databaseUrl: db.url, dataDir, adminPassword: ADMIN_PASSWORD, env: gatewayEnv(gw, 1_000) }));
const killHard = () => server?.killHard() ?? Promise.resolve();

beforeAll(async () => {
  db = await createTestDatabase({ migrate: true });
  gw = await startFakeGateway();
  dataDir = await mkdtemp(join(tmpdir(), 'cd-outbox-crash-'));
});
afterAll(async () => {
  await killHard();
  await gw?.close();
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('SIGKILL between sending and recording', () => {
  it('sends no second SMS for the same message', async () => {
    const { base } = await startServer();
    const login = (await (await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    })).json()) as LoginResponse;
    const auth = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
    const hospitals = (await (await fetch(`${base}/api/v1/hospitals`, { headers: auth })).json()) as HospitalSummary[];

    // The gateway takes the first request and, before answering, the server process is killed.
    let killed: Promise<void> = Promise.resolve();
    gw.behave = (_r, nth) => (nth === 1 ? { kind: 'accept_then_hang' } : { kind: 'ok' });
    gw.onRequest = () => {
      if (gw.requests.length === 1) killed = killHard();
    };
    const created = await fetch(`${base}/api/v1/complaints`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        hospitalId: hospitals[0]?.id, sourceCode: 'PATIENT', title: 'Lost wallet', description: 'Left in the waiting room.',
        complainant: { name: 'Fahad', phone: '0507654321', language: 'en' },
      }),
    });
    expect(created.status).toBe(201);
    const complaint = (await created.json()) as { id: string; referenceNumber: string };
    await waitFor(() => gw.requests.length >= 1, 'the gateway request');
    await killed;
    const row = async () =>
      (await db.pool.query<{ id: string; status: string; attempts: number; provider_id: string | null }>(
        'SELECT id, status, attempts, provider_id FROM outbox_messages WHERE complaint_id = $1',
        [complaint.id],
      )).rows[0];
    expect(await row()).toMatchObject({ status: 'sending', attempts: 1 });
    expect(gw.delivered.size).toBe(1);

    await startServer();
    const done = await waitFor(async () => {
      const r = await row();
      return r?.status === 'sent' ? r : undefined;
    }, 'the restarted server to finish the message', 45_000);

    // One SMS reached the phone; the repeat carried the same reference and was dropped.
    expect([...gw.delivered.values()].map((d) => d.to)).toEqual(['+966507654321']);
    expect(gw.requests.map((r) => r.reference)).toEqual([done.id, done.id]);
    expect(done).toMatchObject({ attempts: 2, provider_id: gw.delivered.get(done.id)?.id });
    const { rows: events } = await db.pool.query<{ status: string; attempt: number }>(
      `SELECT doc->'data'->>'status' AS status, (doc->'data'->>'attempt')::int AS attempt FROM events
       WHERE complaint_id = $1 AND type = 'communication' ORDER BY at, seq`,
      [complaint.id],
    );
    expect(events).toEqual([
      { status: 'interrupted', attempt: 1 },
      { status: 'sent', attempt: 2 },
    ]);
    // Nothing left for graphile to run for it: the stale job was retired, the new one completed
    // (graphile removes a job just after its task returns, so a moment after the row says sent).
    const pendingJobs = async () =>
      (await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'id' = $1 AND attempts < max_attempts`,
        [done.id],
      )).rows[0]?.n;
    await waitFor(async () => (await pendingJobs()) === 0, 'graphile to retire the message\'s jobs', 10_000);
  });
});
