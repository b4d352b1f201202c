import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import type { BrokerBody } from './messages.ts';

/**
 * The machine's RabbitMQ for the broker tests (`TEST_AMQP_URL`, default guest on 127.0.0.1), and a
 * consumer that records everything published to a fresh exchange of the test's own. The queue is
 * bound before the server starts, since a topic exchange drops what no queue is bound to yet.
 */
export const TEST_AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export async function brokerReachable(url = TEST_AMQP_URL): Promise<boolean> {
  try {
    const c = await amqp.connect(url);
    await c.close();
    return true;
  } catch {
    return false;
  }
}

export type Received = { routingKey: string; messageId: string; persistent: boolean; body: BrokerBody };
export type TestConsumer = { exchange: string; received: Received[]; close(): Promise<void> };

export async function startConsumer(url = TEST_AMQP_URL): Promise<TestConsumer> {
  const exchange = `cd-test-${randomUUID()}`;
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, exchange, '#');
  const received: Received[] = [];
  await channel.consume(
    queue,
    (m) => {
      if (!m) return;
      received.push({
        routingKey: m.fields.routingKey,
        messageId: String(m.properties.messageId),
        persistent: m.properties.deliveryMode === 2,
        body: JSON.parse(m.content.toString()) as BrokerBody,
      });
    },
    { noAck: true },
  );
  return {
    exchange,
    received,
    async close() {
      await channel.deleteExchange(exchange).catch(() => undefined);
      await connection.close().catch(() => undefined);
    },
  };
}
