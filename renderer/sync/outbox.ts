import { SERVER_OWNED_COMPLAINT_FIELDS } from '../../shared/documents.ts';
import { stableStringify } from '../../shared/merge.ts';
import type { PushableCollection } from '../../shared/replication.ts';

/**
 * Counts local writes the server has not acknowledged. Each write made by the desk UI is
 * recorded with a fingerprint of the document as written; a successful push of a document with
 * the same fingerprint acknowledges it (a conflict answer is an acknowledgement too: the server
 * has seen the write and its state is adopted). A later write of the same document replaces the
 * fingerprint, so an older push in flight does not clear it.
 *
 * Persisted, so a desk closed offline still shows its unsynced work after a restart.
 */
export type OutboxPersistence = {
  load(): Promise<Record<string, string> | null>;
  save(entries: Record<string, string>): Promise<void>;
};

const IGNORED = new Set<string>([...SERVER_OWNED_COMPLAINT_FIELDS, '_deleted', '_rev', '_meta', '_attachments']);

export function fingerprint(collection: PushableCollection, doc: Record<string, unknown>): string {
  // Events are immutable: reaching the server once is all that matters.
  if (collection === 'events') return 'inserted';
  const relevant = Object.fromEntries(Object.entries(doc).filter(([k]) => !IGNORED.has(k)));
  return stableStringify(relevant);
}

const keyOf = (collection: PushableCollection, id: string) => `${collection}:${id}`;
const RECENT_ACKS = 2_000;

export class Outbox {
  private entries = new Map<string, string>();
  /** Entries loaded at start: cleared once the first full push cycle has run (see settleLoaded). */
  private loaded = new Set<string>();
  /** Acks that may arrive before the write is recorded (the push can beat the UI's await). */
  private readonly recentAcks = new Map<string, string>();
  private readonly listeners = new Set<(count: number) => void>();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly persistence: OutboxPersistence | null = null) {}

  async init(): Promise<void> {
    const stored = (await this.persistence?.load()) ?? {};
    for (const [k, v] of Object.entries(stored)) {
      this.entries.set(k, v);
      this.loaded.add(k);
    }
    this.changed();
  }

  get count(): number {
    return this.entries.size;
  }

  onChange(listener: (count: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  record(collection: PushableCollection, doc: { id: string } & Record<string, unknown>): void {
    const key = keyOf(collection, doc.id);
    const fp = fingerprint(collection, doc);
    this.loaded.delete(key);
    if (this.recentAcks.get(key) === fp) return;
    this.entries.set(key, fp);
    this.changed();
  }

  /** A write that failed locally never reaches the server: forget it. */
  forget(collection: PushableCollection, id: string): void {
    if (this.entries.delete(keyOf(collection, id))) this.changed();
  }

  ack(collection: PushableCollection, docs: readonly ({ id: string } & Record<string, unknown>)[]): void {
    let changed = false;
    for (const doc of docs) {
      const key = keyOf(collection, doc.id);
      const fp = fingerprint(collection, doc);
      this.recentAcks.delete(key);
      this.recentAcks.set(key, fp);
      if (this.entries.get(key) === fp) {
        this.entries.delete(key);
        this.loaded.delete(key);
        changed = true;
      }
    }
    while (this.recentAcks.size > RECENT_ACKS) {
      const oldest = this.recentAcks.keys().next().value;
      if (oldest === undefined) break;
      this.recentAcks.delete(oldest);
    }
    if (changed) this.changed();
  }

  /**
   * After the replication's first cycle everything written before this start has been pushed
   * (RxDB resumes from its own checkpoint); an entry whose ack was lost with the last session
   * would otherwise stay forever.
   */
  settleLoaded(): void {
    if (this.loaded.size === 0) return;
    for (const k of this.loaded) this.entries.delete(k);
    this.loaded.clear();
    this.changed();
  }

  /** Resolves when everything recorded so far is on disk. */
  flush(): Promise<void> {
    return this.saving;
  }

  private changed(): void {
    const snapshot = Object.fromEntries(this.entries);
    if (this.persistence) {
      const persistence = this.persistence;
      this.saving = this.saving.then(() => persistence.save(snapshot)).catch(() => undefined);
    }
    for (const l of this.listeners) l(this.entries.size);
  }
}
