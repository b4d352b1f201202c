import type { ServerDeps } from '../deps.ts';
import { CHANGE_CHANNEL } from '../db/replicated.ts';
import { SAFETY_WAKE_MS, startWakeLoop } from '../sla/wake-loop.ts';
import { openAmqpSink, type AmqpSink } from './amqp.ts';
import { publishRound } from './publish.ts';

/**
 * Publishes every complaint timeline event to RabbitMQ when `AMQP_URL` is set: woken by the
 * replication change notices (so an event goes out right after its commit), caught up from the
 * stored cursor at start (so nothing written while the broker or this server was down is lost).
 * A broker that cannot be reached is retried with back-off; desks and the API never wait on it.
 * Every replicated change wakes the loop, not only events: a round that finds nothing is a few
 * index reads, cheaper than telling the notices apart.
 */
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;
const CONFIRM_TIMEOUT_MS = 30_000;

export async function startBrokerPublisher(deps: ServerDeps): Promise<{ stop(): Promise<void> }> {
  const { amqpUrl, amqpExchange } = deps.config;
  if (amqpUrl === null) return { stop: async () => undefined };
  let sink: AmqpSink | null = null;
  let retryMs = RETRY_MIN_MS;
  const drop = async () => {
    const s = sink;
    sink = null;
    await s?.close();
  };
  const loop = await startWakeLoop({
    name: 'broker publisher',
    deps,
    channels: [CHANGE_CHANNEL],
    async step(isStopping) {
      try {
        if (sink?.broken) await drop();
        sink ??= await openAmqpSink(amqpUrl, amqpExchange, CONFIRM_TIMEOUT_MS);
        for (;;) {
          if (isStopping()) return null;
          const round = await publishRound(deps.pool, sink);
          // Another instance publishes; this one takes over within the net if that one stops.
          if (round.standby) return SAFETY_WAKE_MS / 12;
          if (!round.more) break;
        }
        retryMs = RETRY_MIN_MS;
        return SAFETY_WAKE_MS;
      } catch (err) {
        deps.log.warn({ err: String(err) }, `broker publisher: will try again in ${retryMs} ms`);
        await drop();
        const wait = retryMs;
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        return wait;
      }
    },
  });
  return {
    async stop() {
      await loop.stop();
      await drop();
    },
  };
}

export const brokerService = { name: 'broker publisher', start: startBrokerPublisher };
