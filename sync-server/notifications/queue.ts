import { Logger, runMigrations, type LogLevel } from 'graphile-worker';
import type { Pool, Queryable } from '../db/pool.ts';

/**
 * The job queue under the outbox: graphile-worker, in its own schema `graphile_worker`, installed
 * and upgraded by its own migrations (`installJobQueue`, run after ours at server start and in the
 * test harness). Each outbox row has one job (`deliver_notification`, job key = the row's id)
 * added in the transaction that inserts the row, so a message exists exactly when its job does.
 * Graphile's row locking lets any number of server instances share the queue.
 */
export const DELIVER_TASK = 'deliver_notification';
/**
 * Graphile's own ceiling on a job's runs. Our rows give up earlier (`attempt_limit`) and then the
 * job ends normally; this is only a bound for a job whose process keeps dying mid-run.
 */
export const JOB_MAX_ATTEMPTS = 25;

type Log = { error(obj: object, msg: string): void; warn(obj: object, msg: string): void; info(obj: object, msg: string): void; debug(obj: object, msg: string): void };

/** graphile-worker's logger, writing to ours. */
export function graphileLogger(log: Log): Logger {
  return new Logger((scope) => (level: LogLevel, message: string, meta?: unknown) => {
    const obj = { component: 'graphile-worker', ...scope, ...(meta && typeof meta === 'object' ? { meta } : {}) };
    if (level === 'error') log.error(obj, message);
    else if (level === 'warning') log.warn(obj, message);
    else if (level === 'info') log.debug(obj, message);
    else log.debug(obj, message);
  });
}

const silent: Log = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

/** Installs or upgrades graphile-worker's schema (safe to run again, and from several instances). */
export async function installJobQueue(pool: Pool, log: Log = silent): Promise<void> {
  await runMigrations({ pgPool: pool, logger: graphileLogger(log) });
}

/**
 * One delivery job per message id, in the caller's transaction (one statement however many).
 * A job key already held by a job that is running (or was running in a process that died)
 * starts a new job and retires the old one: that is how the lease sweeper and a staff retry
 * re-queue a message. `delayMs` holds the job back (a message waiting its turn).
 */
export async function addDeliveryJobs(q: Queryable, ids: readonly string[], delayMs = 0): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `SELECT count(*) FROM graphile_worker.add_jobs(
       ARRAY(SELECT ROW($1::text, json_build_object('id', id), NULL::text, now() + $4::integer * interval '1 millisecond', $2::smallint, id, NULL::smallint, NULL::text[])::graphile_worker.job_spec
             FROM unnest($3::text[]) AS id))`,
    [DELIVER_TASK, JOB_MAX_ATTEMPTS, ids, delayMs],
  );
}
