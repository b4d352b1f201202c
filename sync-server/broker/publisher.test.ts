import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import type { ComplaintView } from '../complaints/view.ts';
import { createPool, type Pool } from '../db/pool.ts';
import { waitFor } from '../notifications/testing.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { startBrokerPublisher } from './service.ts';
import { brokerReachable, startConsumer, TEST_AMQP_URL, type TestConsumer } from './testing.ts';

/**
 * Complaint events published to a real RabbitMQ (the machine's; these tests are skipped, saying
 * so, where none answers). What an integration consuming them would notice: every event arrives,
 * in order per complaint, routed by hospital and type, persistent, with the event id as message
 * id; events written while the publisher was stopped arrive when it starts; two server instances
 * publish each event once.
 */
const reachable = await brokerReachable();
if (!reachable) console.warn(`broker tests skipped: no RabbitMQ at ${TEST_AMQP_URL.replace(/\/\/[^@]*@/, '//')} (set TEST_AMQP_URL)`);

describe.skipIf(!reachable)('complaint events on the broker', () => {
  let srv: TestServer;
  let w: World;
  let consumer: TestConsumer;
  let stopPublisher: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    consumer = await startConsumer();
    // The publisher is started by each test, so that it can also be stopped and doubled.
    srv = await startTestServer({ services: false, env: { AMQP_URL: TEST_AMQP_URL, AMQP_EXCHANGE: consumer.exchange } });
    w = await setupWorld(srv);
  });
  afterAll(async () => {
    await stopPublisher();
    await srv?.close();
    await consumer?.close();
  });

  async function create(title: string): Promise<ComplaintView> {
    const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
      token: w.tokens.mainDesk,
      body: { hospitalId: w.main.id, sourceCode: 'PATIENT', title, description: 'Waited four hours at the pharmacy.', complainant: { name: 'Huda' } },
    });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const eventIdsOf = async (complaintIds: readonly string[]) =>
    (await srv.db.pool.query<{ id: string }>('SELECT id FROM events WHERE complaint_id = ANY($1::text[]) ORDER BY seq', [complaintIds])).rows.map((r) => r.id);
  const receivedFor = (complaintId: string) => consumer.received.filter((m) => m.body.complaint.id === complaintId);

  it('publishes each event after its commit, routed by hospital code and event type', async () => {
    const pub = await startBrokerPublisher(srv.deps);
    stopPublisher = () => pub.stop();
    const c = await create('Pharmacy queue');
    const moved = await srv.call('POST', `/api/v1/complaints/${c.id}/transitions`, { token: w.tokens.admin, body: { to: 'ASSIGNED', comment: 'to the pharmacy lead' } });
    expect(moved.status).toBe(200);

    const ids = await eventIdsOf([c.id]);
    const got = await waitFor(() => receivedFor(c.id).length >= ids.length && receivedFor(c.id), 'both events on the broker');
    expect(got.map((m) => m.messageId)).toEqual(ids);
    expect(got.map((m) => m.routingKey)).toEqual(['MAIN.created', 'MAIN.status_changed']);
    expect(got.every((m) => m.persistent)).toBe(true);
    expect(got[1]?.body).toMatchObject({
      hospital: { id: w.main.id, code: 'MAIN' },
      complaint: { id: c.id, referenceNumber: c.referenceNumber },
      event: { type: 'status_changed', from: 'PENDING', to: 'ASSIGNED', comment: 'to the pharmacy lead', complaintId: c.id },
    });
    await stopPublisher();
  });

  it('publishes what was written while it was stopped, once, when it starts again', async () => {
    const before = consumer.received.length;
    const made = [await create('Parking fees'), await create('Lost wheelchair')];
    await new Promise((r) => setTimeout(r, 300));
    expect(consumer.received.length).toBe(before);

    const pub = await startBrokerPublisher(srv.deps);
    stopPublisher = () => pub.stop();
    const ids = await eventIdsOf(made.map((c) => c.id));
    await waitFor(() => consumer.received.length >= before + ids.length, 'the events written while stopped');
    await new Promise((r) => setTimeout(r, 300));
    expect(consumer.received.slice(before).map((m) => m.messageId)).toEqual(ids);
    await stopPublisher();
  });

  it('with two server instances on one database, publishes every event exactly once', async () => {
    const other: Pool = createPool(srv.db.url, 4);
    const a = await startBrokerPublisher(srv.deps);
    const b = await startBrokerPublisher({ ...srv.deps, pool: other });
    stopPublisher = async () => {
      await a.stop();
      await b.stop();
      await other.end();
    };
    const before = consumer.received.length;
    const made: ComplaintView[] = [];
    for (let i = 0; i < 40; i++) made.push(await create(`Burst ${i}`));
    const ids = await eventIdsOf(made.map((c) => c.id));
    await waitFor(() => consumer.received.length >= before + ids.length, 'every event of the burst');
    await new Promise((r) => setTimeout(r, 500));
    const got = consumer.received.slice(before).map((m) => m.messageId);
    expect(got.length).toBe(ids.length);
    expect(new Set(got)).toEqual(new Set(ids));
  });
});
