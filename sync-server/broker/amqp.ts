import amqp from 'amqplib';
import type { BrokerSink } from './publish.ts';

/**
 * The RabbitMQ side: one connection and one confirm channel, a durable topic exchange, persistent
 * messages. A broker that stops confirming within `confirmTimeoutMs` counts as failed, so the
 * publisher's transaction (and its lock) is never held open for long.
 */
export type AmqpSink = BrokerSink & { close(): Promise<void>; readonly broken: boolean };

export async function openAmqpSink(url: string, exchange: string, confirmTimeoutMs: number): Promise<AmqpSink> {
  const connection = await amqp.connect(url, { clientProperties: { connection_name: 'complaint-desk publisher' } });
  let broken = false;
  connection.on('error', () => (broken = true));
  connection.on('close', () => (broken = true));
  const channel = await connection.createConfirmChannel();
  channel.on('error', () => (broken = true));
  channel.on('close', () => (broken = true));
  await channel.assertExchange(exchange, 'topic', { durable: true });
  return {
    get broken() {
      return broken;
    },
    publish(m) {
      channel.publish(exchange, m.routingKey, Buffer.from(JSON.stringify(m.body)), {
        persistent: true,
        messageId: m.messageId,
        timestamp: m.timestamp,
        type: m.type,
        contentType: 'application/json',
        appId: 'complaint-desk',
      });
    },
    confirmed() {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the broker confirmed nothing within ${confirmTimeoutMs} ms`)), confirmTimeoutMs);
        channel.waitForConfirms().then(
          () => (clearTimeout(timer), resolve()),
          (err: unknown) => (clearTimeout(timer), reject(err instanceof Error ? err : new Error(String(err)))),
        );
      });
    },
    async close() {
      await channel.close().catch(() => undefined);
      await connection.close().catch(() => undefined);
    },
  };
}
