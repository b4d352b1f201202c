import pg from 'pg';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/replication.ts';
import type { Pool } from '../db/pool.ts';
import { CHANGE_CHANNEL, type ChangeNotice } from '../db/replicated.ts';

/**
 * One dedicated connection per server instance (its own client, outside the pool, built from the
 * pool's connection options) doing `LISTEN repl_changes`; the notices
 * (`pg_notify` at commit, db/replicated.ts) are fanned out in-process to subscribers. If the
 * connection drops it is reopened with back-off, and subscribers are told to resync everything,
 * since notices sent while it was down are lost.
 */
export type ListenerEvent = { kind: 'change'; notice: ChangeNotice } | { kind: 'resync' };
type Subscriber = (event: ListenerEvent) => void;
type Log = { warn(obj: object, msg: string): void };

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5_000;

export class ChangeListener {
  #pool: Pool;
  #log: Log;
  #client: pg.Client | null = null;
  #connecting: Promise<void> | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  #retryMs = RETRY_MIN_MS;
  #closed = false;
  #subscribers = new Set<Subscriber>();

  constructor(pool: Pool, log: Log) {
    this.#pool = pool;
    this.#log = log;
  }

  /** Resolves once notices are being received (connects on first use). */
  ready(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('listener closed'));
    if (this.#client) return Promise.resolve();
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  subscribe(fn: Subscriber): () => void {
    this.#subscribers.add(fn);
    return () => this.#subscribers.delete(fn);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    await this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = null;
    if (client) await client.end().catch(() => undefined);
    this.#subscribers.clear();
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ ...this.#pool.options, application_name: 'complaint-desk-listen' });
    client.on('error', (err: Error) => this.#lost(client, err));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    await client.connect().catch(async (err: unknown) => {
      await client.end().catch(() => undefined);
      throw err;
    });
    const onNotification = (msg: pg.Notification) => {
      if (msg.channel !== CHANGE_CHANNEL || !msg.payload) return;
      const notice = parseNotice(msg.payload);
      if (notice) this.#emit({ kind: 'change', notice });
    };
    client.on('notification', onNotification);
    try {
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
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
    this.#log.warn({ err }, 'replication change listener lost its connection; reconnecting');
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.ready().then(
        () => this.#emit({ kind: 'resync' }),
        () => {
          this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
          this.#scheduleReconnect();
        },
      );
    }, this.#retryMs);
    this.#retryTimer.unref();
  }

  #emit(event: ListenerEvent): void {
    for (const s of this.#subscribers) s(event);
  }
}

const KNOWN = new Set<string>(COLLECTION_NAMES);

export function parseNotice(payload: string): ChangeNotice | null {
  try {
    const value = JSON.parse(payload) as { collection?: unknown; hospitalId?: unknown };
    if (typeof value.collection !== 'string' || !KNOWN.has(value.collection)) return null;
    const hospitalId = typeof value.hospitalId === 'string' ? value.hospitalId : null;
    return { collection: value.collection as CollectionName, hospitalId };
  } catch {
    return null;
  }
}
