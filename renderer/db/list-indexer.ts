import { getChangedDocumentsSince, type RxChangeEvent, type RxCollection, type RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { LocalStore } from './local-store.ts';
import { deriveListKeys, LIST_KEYS_VERSION, type ListKeysDoc } from './list-keys.ts';
import { readLivePage } from './raw-read.ts';

/**
 * Keeps `listKeys` current with `complaints`, whoever writes them (the desk's own writes, pulled
 * documents, conflict answers): every change event of `complaints` carries the written document,
 * from which the keys are derived and written, in order, one batch per burst of events.
 *
 * A checkpoint (the local write time of the last complaint write reflected) is kept in a local
 * document, so what changed while the app was closed — or between a complaint write and its keys,
 * when the app died in between — is caught up from the storage's change feed at the next start.
 * Without a checkpoint (first start of this version) every complaint is derived once, read in
 * primary-key order (raw-read.ts).
 */
type Checkpoint = { id: string; lwt: number };
type IndexerLocals = { 'listKeys.checkpoint': { version: number; checkpoint: Checkpoint } };
type Change = { id: string; doc: RxDocumentData<ComplaintDoc> | null; lwt: number };

const READ_BATCH = 2_000;
// Every write of one storage bulk has the same write time, and RxDB's write times are distinct
// per bulk with two decimals (ms + 0.01 steps): starting just after a processed bulk's time makes
// the next catch-up skip that bulk without walking its (possibly thousands of) documents again.
const JUST_AFTER_MS = 0.005;
// Writes this close before a full scan started may have been missed by it; they are replayed.
const SCAN_MARGIN_MS = 5_000;

export class ListKeysIndexer {
  private readonly store: LocalStore<IndexerLocals>;
  private queue: Change[] = [];
  private tail: Promise<void> = Promise.resolve();
  private pending: Promise<void> | null = null;
  private sub: Subscription | null = null;
  private stopped = false;
  /** What a full scan derived (id → write time), so queued events of the same writes are not derived twice. */
  private scanned: Map<string, number> | null = null;

  constructor(
    private readonly complaints: RxCollection<ComplaintDoc>,
    private readonly keys: RxCollection<ListKeysDoc>,
    localDb: unknown,
  ) {
    this.store = new LocalStore<IndexerLocals>(localDb);
  }

  start(): void {
    this.sub = this.complaints.eventBulks$.subscribe((bulk) => {
      for (const e of bulk.events as RxChangeEvent<ComplaintDoc>[]) {
        const doc = e.documentData;
        this.queue.push({ id: e.documentId, doc: e.operation === 'DELETE' || doc._deleted ? null : doc, lwt: doc._meta.lwt });
      }
      void this.whenCurrent().catch(() => undefined);
    });
    this.run(() => this.catchUp());
  }

  /** Resolves once every complaint written before the call has its keys. */
  whenCurrent(): Promise<void> {
    if (this.pending) return this.pending;
    const pending = this.run(() => this.drain());
    this.pending = pending;
    return pending;
  }

  /** Stops following (at database close) once the batch in hand is written. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.sub?.unsubscribe();
    await this.tail;
  }

  private run(step: () => Promise<void>): Promise<void> {
    const next = this.tail.then(() => {
      this.pending = null;
      return this.stopped || this.complaints.database.closed ? undefined : step();
    });
    this.tail = next.catch((e: unknown) => {
      // Closing the database closes its local documents (LD8) under a batch in hand: that batch
      // is done again at the next start.
      if (!this.stopped && (e as { code?: unknown }).code !== 'LD8') console.error('list keys', e);
    });
    return next;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue;
      this.queue = [];
      const latest = new Map<string, Change>();
      for (const c of batch) latest.set(c.id, c);
      const scanned = this.scanned;
      this.scanned = null;
      await this.write([...latest.values()].filter((c) => !(scanned && (scanned.get(c.id) ?? -1) >= c.lwt)));
      const last = batch[batch.length - 1] as Change;
      await this.save({ lwt: last.lwt + JUST_AFTER_MS, id: '' });
    }
  }

  private async write(changes: Change[]): Promise<void> {
    const live: ListKeysDoc[] = [];
    const gone: string[] = [];
    for (const c of changes) {
      if (c.doc) live.push(deriveListKeys(c.doc));
      else gone.push(c.id);
    }
    if (live.length > 0) await this.keys.bulkUpsert(live);
    if (gone.length > 0) await this.keys.bulkRemove(gone);
  }

  private save(checkpoint: Checkpoint): Promise<void> {
    return this.store.set('listKeys.checkpoint', { version: LIST_KEYS_VERSION, checkpoint });
  }

  private async catchUp(): Promise<void> {
    const saved = await this.store.get('listKeys.checkpoint');
    if (saved?.version !== LIST_KEYS_VERSION) return this.fullScan();
    let checkpoint: Checkpoint = saved.checkpoint;
    while (!this.stopped) {
      const changed = await getChangedDocumentsSince(this.complaints.storageInstance, READ_BATCH, checkpoint);
      if (changed.documents.length === 0) return;
      await this.write(changed.documents.map((d) => ({ id: d.id, doc: d._deleted ? null : d, lwt: d._meta.lwt })));
      checkpoint = changed.checkpoint as Checkpoint;
      await this.save(checkpoint);
    }
  }

  /** Derives every complaint (a new desk, or a new derivation): keys of removed complaints go too. */
  private async fullScan(): Promise<void> {
    const started = Date.now();
    const seen = new Map<string, number>();
    let after = '';
    for (;;) {
      if (this.stopped) return;
      const page = await readLivePage(this.complaints, after, READ_BATCH);
      await this.write(page.docs.map((d) => ({ id: d.id, doc: d, lwt: d._meta.lwt })));
      for (const d of page.docs) seen.set(d.id, d._meta.lwt);
      if (page.lastId === null) break;
      after = page.lastId;
    }
    const stale: string[] = [];
    for (let k = ''; ; ) {
      const page = await readLivePage(this.keys, k, READ_BATCH);
      for (const d of page.docs) if (!seen.has(d.id)) stale.push(d.id);
      if (page.lastId === null) break;
      k = page.lastId;
    }
    if (stale.length > 0) await this.keys.bulkRemove(stale);
    this.scanned = seen;
    await this.save({ lwt: Math.max(0, started - SCAN_MARGIN_MS), id: '' });
  }
}
