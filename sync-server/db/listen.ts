import pg from 'pg';
import type { Pool } from './pool.ts';

/**
 * A dedicated connection (its own client, outside the pool, built from the pool's options) that
 * LISTENs on some channels: the desks' change stream and the background services each keep one.
 * When it drops it is reopened with back-off and `onReconnect` runs, since notices sent while it
 * was down are lost (the listener's owner then catches up: a RESYNC, a re-read of due times).
 */
type Log = { warn(obj: object, msg: string): void };

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5_000;

export type NoticeHandler = (channel: string, payload: string) => void;

export class NoticeListener {
  #client: pg.Client | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  #retryMs = RETRY_MIN_MS;
  #closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly channels: readonly string[],
    private readonly onNotice: NoticeHandler,
    private readonly onReconnect: () => void,
    private readonly log: Log,
    /** Names the connection in logs and in pg_stat_activity. */
    private readonly name: string,
  ) {}

  get connected(): boolean {
    return this.#client !== null;
  }

  /** One attempt to connect and LISTEN; rejects when it fails (nothing is retried). */
  connect(): Promise<void> {
    return this.#connect();
  }

  /** Connects; a failure is logged and retried in the background (the scheduler still runs on its timers). */
  async start(): Promise<void> {
    try {
      await this.#connect();
    } catch (err) {
      this.log.warn({ err }, `${this.name} could not LISTEN yet; retrying`);
      this.#scheduleReconnect();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = null;
    if (client) await client.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ ...this.pool.options, application_name: `complaint-desk-${this.name}` });
    client.on('error', (err: Error) => this.#lost(client, err));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    client.on('notification', (msg: pg.Notification) => this.onNotice(msg.channel, msg.payload ?? ''));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#retryMs = RETRY_MIN_MS;
  }

  #lost(client: pg.Client, err: Error): void {
    if (this.#client !== client) return;
    this.#client = null;
    this.log.warn({ err }, `${this.name} lost its LISTEN connection; reconnecting`);
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#connect().then(
        () => this.onReconnect(),
        () => {
          this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
          this.#scheduleReconnect();
        },
      );
    }, this.#retryMs);
    this.#retryTimer.unref();
  }
}
