import { PassThrough } from 'node:stream';
import { COLLECTION_NAMES, type CollectionName, type StreamChanged } from '../../shared/replication.ts';
import type { ChangeListener, ListenerEvent } from './listener.ts';

/**
 * The desks' live stream (Server-Sent Events). Each open stream belongs to one hospital and hears
 * only that hospital's changes and group-wide ones. Bursts (a push of 200 rows, a scheduler run)
 * are coalesced into one `changed` per 50 ms; a comment line every 15 s keeps proxies from
 * closing an idle connection and lets the desk notice a dead one.
 */
export const COALESCE_MS = 50;
export const HEARTBEAT_MS = 15_000;

export class StreamConnection {
  readonly body = new PassThrough();
  #pending = new Set<CollectionName>();
  #flushTimer: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout;
  #closed = false;

  constructor(
    readonly hospitalId: string,
    private readonly onClose: (c: StreamConnection) => void,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.#heartbeat = setInterval(() => this.#write(': heartbeat\n\n'), heartbeatMs);
    this.#heartbeat.unref();
  }

  hello(): void {
    this.#write(`event: hello\ndata: ${JSON.stringify({ hospitalId: this.hospitalId })}\n\n`);
  }

  changed(collections: Iterable<CollectionName>): void {
    for (const c of collections) this.#pending.add(c);
    if (this.#flushTimer || this.#closed) return;
    this.#flushTimer = setTimeout(() => this.#flush(), COALESCE_MS);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.body.end();
    this.onClose(this);
  }

  #flush(): void {
    this.#flushTimer = null;
    if (this.#pending.size === 0) return;
    // Listed in protocol order, so a desk resyncs reference data before what refers to it.
    const data: StreamChanged = { collections: COLLECTION_NAMES.filter((c) => this.#pending.has(c)) };
    this.#pending.clear();
    this.#write(`event: changed\ndata: ${JSON.stringify(data)}\n\n`);
  }

  #write(chunk: string): void {
    if (!this.#closed && !this.body.writableEnded) this.body.write(chunk);
  }
}

/** Fans the listener's notices out to the open streams of the hospital concerned. */
export class StreamHub {
  #byHospital = new Map<string, Set<StreamConnection>>();
  #unsubscribe: () => void;

  constructor(listener: ChangeListener) {
    this.#unsubscribe = listener.subscribe((e) => this.#dispatch(e));
  }

  open(hospitalId: string, heartbeatMs?: number): StreamConnection {
    const conn = new StreamConnection(hospitalId, (c) => this.#remove(c), heartbeatMs);
    let set = this.#byHospital.get(hospitalId);
    if (!set) this.#byHospital.set(hospitalId, (set = new Set()));
    set.add(conn);
    return conn;
  }

  get size(): number {
    let n = 0;
    for (const set of this.#byHospital.values()) n += set.size;
    return n;
  }

  closeAll(): void {
    for (const set of [...this.#byHospital.values()]) for (const c of [...set]) c.close();
    this.#unsubscribe();
  }

  #remove(conn: StreamConnection): void {
    const set = this.#byHospital.get(conn.hospitalId);
    set?.delete(conn);
    if (set && set.size === 0) this.#byHospital.delete(conn.hospitalId);
  }

  #dispatch(event: ListenerEvent): void {
    if (event.kind === 'resync') {
      for (const set of this.#byHospital.values()) for (const c of set) c.changed(COLLECTION_NAMES);
      return;
    }
    const { collection, hospitalId } = event.notice;
    const targets = hospitalId === null ? [...this.#byHospital.values()] : [this.#byHospital.get(hospitalId) ?? new Set()];
    for (const set of targets) for (const c of set) c.changed([collection]);
  }
}
