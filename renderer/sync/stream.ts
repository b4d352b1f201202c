import { COLLECTION_NAMES, replicationPaths, type CollectionName } from '../../shared/replication.ts';
import { HttpError, type Api } from './http.ts';
import { createSseParser, type SseMessage } from './sse.ts';

/**
 * The one live connection per desk: GET /replication/stream read with fetch (bearer auth), parsed
 * here, reconnected with back-off. `hello` (every (re)connect) means "you may have missed
 * changes" → resync everything; `changed` names the collections to resync.
 */
export type ChangeStreamOptions = {
  api: Api;
  hospitalId: string;
  onResync(collections: readonly CollectionName[]): void;
  /** The connection broke while reading (network loss): the desk is offline until it reconnects. */
  onBroken?(): void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** The server sends a heartbeat every 15 s: silence this long means a dead connection. */
  idleTimeoutMs?: number;
};

export type ChangeStream = {
  close(): void;
  /** Skip the back-off wait (the browser just came back online). */
  reconnectNow(): void;
  readonly connected: boolean;
};

export function openChangeStream(options: ChangeStreamOptions): ChangeStream {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 5_000;
  const idleTimeout = options.idleTimeoutMs ?? 45_000;
  let closed = false;
  let connected = false;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;

  const onMessage = (m: SseMessage) => {
    if (m.event === 'hello') return options.onResync(COLLECTION_NAMES);
    if (m.event !== 'changed') return;
    try {
      const parsed = JSON.parse(m.data) as { collections?: unknown };
      const named = Array.isArray(parsed.collections) ? parsed.collections : [];
      const known = COLLECTION_NAMES.filter((c) => named.includes(c));
      if (known.length > 0) options.onResync(known);
    } catch {
      // A malformed notice must not end the stream; the next hello resyncs anyway.
    }
  };

  const readOnce = async (signal: AbortSignal): Promise<void> => {
    const res = await options.api.request(replicationPaths.stream, {
      query: { hospitalId: options.hospitalId },
      headers: { Accept: 'text/event-stream' },
      signal,
    });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new HttpError(res.status, null);
    }
    connected = true;
    const parser = createSseParser(onMessage);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    // A network that vanishes without a reset leaves the read hanging; the heartbeat tells.
    let idle = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        idle = true;
        void reader.cancel();
      }, idleTimeout);
    };
    try {
      arm();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        parser.push(value);
      }
      if (idle) options.onBroken?.();
      else parser.end();
    } catch (error) {
      if (!signal.aborted) options.onBroken?.();
      throw error;
    } finally {
      if (timer) clearTimeout(timer);
      connected = false;
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  void (async () => {
    let attempt = 0;
    while (!closed) {
      controller = new AbortController();
      const startedAt = Date.now();
      try {
        await readOnce(controller.signal);
      } catch {
        // Reported through the api's outcome / onBroken; retried below.
      }
      if (closed) break;
      // A connection that lived a while was healthy: start the back-off again.
      if (Date.now() - startedAt > 30_000) attempt = 0;
      const delay = Math.min(max, initial * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt++;
      await sleep(delay);
    }
  })();

  return {
    close() {
      closed = true;
      controller?.abort();
      wake?.();
    },
    reconnectNow() {
      if (connected) return;
      wake?.();
    },
    get connected() {
      return connected;
    },
  };
}
