import pg from 'pg';
import { run, type Runner, type Task } from 'graphile-worker';
import type { ServerDeps } from '../deps.ts';
import { withTx, type Pool } from '../db/pool.ts';
import { deliverMessage, type DeliveryDeps } from './deliver.ts';
import { mailDriverFor, SMTP_TIMEOUTS_MS, type MailDriver } from './drivers/mail.ts';
import { smsDriverFor, type SmsDriver } from './drivers/sms.ts';
import { addDeliveryJobs, DELIVER_TASK, graphileLogger } from './queue.ts';
import { Batcher } from './batch.ts';
import { communicationEvent, recordAttempts, writeCommunicationEvents, type AttemptResult } from './record.ts';
import type { OverrideLookup } from './render.ts';
import { claimMessages, type ClaimedMessage } from './store.ts';
import { overrideLookup } from '../templates/store.ts';

/**
 * The outbox's background service (services.ts): a graphile-worker runner that delivers messages
 * (`deliver_notification`, one job per message) with `concurrency` attempts in flight, and a lease
 * sweeper. Graphile retries a failed attempt with its own back-off (e^n seconds); the row's
 * `attempt_limit` turns the last failure into `dead`.
 *
 * Crash safety. A process killed mid-attempt leaves its row `sending` and its graphile job
 * locked (graphile frees such jobs only after 4 hours). The sweeper, in every instance, finds
 * rows whose lease (database time) has run out and queues them again: a new job under the same
 * key, which retires the stale one. The lease is longer than any attempt can take (the driver's
 * time-out), so a live attempt is never taken over; and the repeat goes out with the same
 * `reference`, which the gateway uses to drop a message it already has.
 */
export type OutboxOptions = {
  concurrency?: number;
  sms?: SmsDriver;
  mail?: MailDriver;
  overrides?: OverrideLookup;
  /** How long an attempt may hold a message (ms); default from the drivers' time-outs. */
  leaseMs?: { sms: number; email: number };
  /** graphile's poll for jobs that became due (retries); new jobs arrive by LISTEN at once. */
  pollIntervalMs?: number;
  /** Told after each batch of attempts is recorded (tests, benchmarks). */
  onRecorded?: (results: readonly AttemptResult[]) => void;
};

export type RunningOutbox = {
  stop(): Promise<void>;
  /** Re-queues abandoned attempts now (the sweeper does this on its own every few seconds). */
  sweep(): Promise<number>;
};

export const DEFAULT_CONCURRENCY = 32;
/** How soon a message waiting for an earlier SMS of its complaint is looked at again. */
const WAIT_MS = 500;
const POOL_SIZE = 10;

export function defaultLeaseMs(smsTimeoutMs: number): { sms: number; email: number } {
  const smtp = SMTP_TIMEOUTS_MS.connection + SMTP_TIMEOUTS_MS.greeting + SMTP_TIMEOUTS_MS.socket;
  return { sms: Math.max(3 * smsTimeoutMs, 5_000), email: 3 * smtp };
}

function mailFromOf(config: ServerDeps['config']): string {
  if (config.mailFrom !== null) return config.mailFrom;
  let host = 'localhost';
  try {
    host = new URL(config.baseUrl).hostname || host;
  } catch {
    // BASE_URL is validated at start; keep the fallback anyway.
  }
  return `"${config.orgName} Complaint Desk" <no-reply@${host}>`;
}

/** Rows abandoned mid-attempt go back to the queue (or to `dead` past their limit). */
export async function requeueAbandoned(pool: Pool, now: number): Promise<number> {
  return withTx(pool, async (tx) => {
    const { rows } = await tx.query<{
      id: string; hospital_id: string; complaint_id: string; channel: ClaimedMessage['channel']; template: ClaimedMessage['template'];
      language: ClaimedMessage['language']; masked_recipient: string; recipient_ref: string; attempts: number; status: 'retrying' | 'dead';
    }>(
      `UPDATE outbox_messages
       SET status = CASE WHEN attempts >= attempt_limit THEN 'dead' ELSE 'retrying' END,
           lease_until = NULL, last_error = 'the attempt was interrupted (the server stopped)', updated_at = $1
       WHERE status = 'sending' AND lease_until < now()
       RETURNING id, hospital_id, complaint_id, channel, template, language, masked_recipient, recipient_ref, attempts, status`,
      [now],
    );
    if (rows.length === 0) return 0;
    await addDeliveryJobs(tx, rows.filter((r) => r.status === 'retrying').map((r) => r.id));
    await writeCommunicationEvents(
      tx,
      rows.map((r) =>
        communicationEvent({
          message: {
            id: r.id, hospitalId: r.hospital_id, complaintId: r.complaint_id, channel: r.channel, template: r.template,
            language: r.language, maskedRecipient: r.masked_recipient, recipientRef: r.recipient_ref, attempt: r.attempts,
          },
          status: r.status,
          eventStatus: 'interrupted',
          providerId: null,
          error: 'the attempt was interrupted (the server stopped); its outcome is unknown',
          subject: null,
          body: null,
          at: now,
        }, `interrupted:${r.attempts}`),
      ),
    );
    return rows.length;
  });
}

export async function startOutbox(deps: ServerDeps, options: OutboxOptions = {}): Promise<RunningOutbox> {
  const { config, clock, log } = deps;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const leaseMs = options.leaseMs ?? defaultLeaseMs(config.smsGatewayTimeoutMs);
  // Its own few connections, so a burst of deliveries never starves the HTTP API of the main pool;
  // few are enough: claims and results go in batches, and an attempt waiting on the provider holds none.
  const pool = new pg.Pool({ ...deps.pool.options, max: POOL_SIZE, application_name: 'complaint-desk-outbox' });
  pool.on('error', (err) => log.warn({ err }, 'outbox: idle database connection failed'));
  const driverLog = log.child({ component: 'outbox' });
  const sms = options.sms ?? smsDriverFor(config, driverLog);
  const mail = options.mail ?? mailDriverFor(config, driverLog);
  // Claims and results of concurrent deliveries go to the database in batches: a burst costs a
  // few statements per batch rather than per message.
  const claimer = new Batcher<string, ClaimedMessage | 'wait' | null>(async (ids) => {
    const { claimed, waiting } = await claimMessages(pool, ids, leaseMs, clock.now());
    const byId = new Map(claimed.map((m) => [m.id, m]));
    return ids.map((id) => byId.get(id) ?? (waiting.includes(id) ? 'wait' : null));
  });
  const recorder = new Batcher<AttemptResult, void>(
    async (results) => {
      await recordAttempts(pool, results);
      options.onRecorded?.(results);
      return results.map(() => undefined);
    },
    500,
    (err) => log.error({ err }, 'outbox: could not record an attempt (the lease will retry it)'),
  );
  const delivery: DeliveryDeps = {
    claim: (id) => claimer.add(id),
    now: () => clock.now(),
    config: { baseUrl: config.baseUrl, orgName: config.orgName, supportPhone: config.supportPhone, mailFrom: mailFromOf(config) },
    sms,
    mail,
    overrides: options.overrides ?? overrideLookup(pool),
    record: (r) => recorder.add(r),
  };

  const deliver: Task = async (payload) => {
    const id = payload && typeof payload === 'object' && 'id' in payload ? (payload as { id: unknown }).id : null;
    if (typeof id !== 'string') return; // not ours to understand; nothing to retry
    const result = await deliverMessage(id, delivery);
    // A new job under the same key runs the message again soon, without counting as a failure
    // (graphile's back-off grows with each one, and its attempts are capped).
    if (result.kind === 'wait') await addDeliveryJobs(pool, [id], WAIT_MS);
    // Throwing hands the job back to graphile, which runs it again after its back-off.
    if (result.kind === 'retry') throw new Error(result.error);
  };

  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency,
      noHandleSignals: true,
      pollInterval: options.pollIntervalMs ?? 1_000,
      logger: graphileLogger(driverLog),
      taskList: { [DELIVER_TASK]: deliver },
    });
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }

  const sweep = () => requeueAbandoned(pool, clock.now());
  const sweepEvery = Math.min(Math.max(Math.floor(leaseMs.sms / 2), 1_000), 30_000);
  let sweeping: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    sweeping = sweep()
      .then((n) => {
        if (n > 0) log.warn(`outbox: ${n} interrupted attempt(s) queued again`);
      })
      .catch((err: unknown) => log.error({ err }, 'outbox: lease sweep failed'))
      .finally(() => {
        busy = false;
      });
  }, sweepEvery);
  timer.unref();

  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await runner.stop();
      await recorder.idle();
      mail.close();
      sms.close?.();
      await pool.end();
    },
  };
}

/** The background service (services.ts): one runner per server instance. */
export const outboxService = { name: 'notification-outbox', start: (deps: ServerDeps) => startOutbox(deps) };
