import { COLLECTION_NAMES, type CollectionName } from '../../shared/replication.ts';
import { NoticeListener } from '../db/listen.ts';
import type { Pool } from '../db/pool.ts';
import { CHANGE_CHANNEL, type ChangeNotice } from '../db/replicated.ts';

/**
 * One LISTEN connection per server instance (db/listen.ts) on `repl_changes`; the notices
 * (`pg_notify` at commit, db/replicated.ts) are fanned out in-process to the desks' streams. If
 * the connection drops it is reopened with back-off, and subscribers are told to resync
 * everything, since notices sent while it was down are lost.
 */
export type ListenerEvent = { kind: 'change'; notice: ChangeNotice } | { kind: 'resync' };
type Subscriber = (event: ListenerEvent) => void;
type Log = { warn(obj: object, msg: string): void };

export class ChangeListener {
  #listener: NoticeListener;
  #connecting: Promise<void> | null = null;
  #closed = false;
  #subscribers = new Set<Subscriber>();

  constructor(pool: Pool, log: Log) {
    this.#listener = new NoticeListener(
      pool,
      [CHANGE_CHANNEL],
      (_channel, payload) => {
        const notice = parseNotice(payload);
        if (notice) this.#emit({ kind: 'change', notice });
      },
      () => this.#emit({ kind: 'resync' }),
      log,
      'replication-stream',
    );
  }

  /**
   * Resolves once notices are being received (connects on first use). A failed first connect
   * rejects, so the stream can answer 503 rather than promise changes it cannot see.
   */
  ready(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('listener closed'));
    if (this.#listener.connected) return Promise.resolve();
    this.#connecting ??= this.#listener.connect().finally(() => {
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
    await this.#connecting?.catch(() => undefined);
    await this.#listener.close();
    this.#subscribers.clear();
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
