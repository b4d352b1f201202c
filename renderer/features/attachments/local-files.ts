import type { AttachmentMeta } from '../../../shared/attachments.ts';

/**
 * The bytes of the attachments added on this desk, kept in IndexedDB (a small database of its own
 * per hospital, beside the RxDB one) until the server has them, and afterwards as this desk's
 * copy so it can show them offline. RxDB never sees the bytes: they do not replicate.
 */
export type UploadState = 'pending' | 'uploaded' | 'rejected';

/** A file's record; its bytes are kept apart (`bytesOf`) so listing a complaint's files reads none. */
export type LocalFile = AttachmentMeta & {
  id: string;
  complaintId: string;
  hospitalId: string;
  state: UploadState;
  /** Why the server refused it (`too_big`, `wrong_type`, `too_many`, `conflict`). */
  reason: string | null;
  addedAt: number;
};

const STORE = 'files';
/** id → ArrayBuffer (rather than Blob: it survives every structured-clone implementation). */
const BYTES = 'bytes';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export class LocalFiles {
  private readonly listeners = new Set<() => void>();
  private opened: Promise<IDBDatabase> | null = null;

  constructor(
    readonly name: string,
    private readonly idb: IDBFactory = globalThis.indexedDB,
  ) {}

  private db(): Promise<IDBDatabase> {
    this.opened ??= new Promise((resolve, reject) => {
      const req = this.idb.open(this.name, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex('complaintId', 'complaintId');
        store.createIndex('state', 'state');
        req.result.createObjectStore(BYTES);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    return this.opened;
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.db()).transaction(STORE, mode).objectStore(STORE);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  async put(file: LocalFile, bytes: ArrayBuffer): Promise<void> {
    const tx = (await this.db()).transaction([STORE, BYTES], 'readwrite');
    tx.objectStore(BYTES).put(bytes, file.id);
    tx.objectStore(STORE).put(file);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
    this.changed();
  }

  async bytesOf(id: string): Promise<ArrayBuffer | null> {
    const tx = (await this.db()).transaction(BYTES, 'readonly');
    return ((await promised(tx.objectStore(BYTES).get(id))) as ArrayBuffer | undefined) ?? null;
  }

  async get(id: string): Promise<LocalFile | null> {
    return ((await promised((await this.store('readonly')).get(id))) as LocalFile | undefined) ?? null;
  }

  async ofComplaint(complaintId: string): Promise<LocalFile[]> {
    return (await promised((await this.store('readonly')).index('complaintId').getAll(complaintId))) as LocalFile[];
  }

  async pending(): Promise<LocalFile[]> {
    return (await promised((await this.store('readonly')).index('state').getAll('pending'))) as LocalFile[];
  }

  async mark(id: string, state: UploadState, reason: string | null = null): Promise<void> {
    const store = await this.store('readwrite');
    const file = (await promised(store.get(id))) as LocalFile | undefined;
    if (!file) return;
    await promised(store.put({ ...file, state, reason }));
    this.changed();
  }

  async close(): Promise<void> {
    if (this.opened) (await this.opened).close();
    this.opened = null;
  }
}
