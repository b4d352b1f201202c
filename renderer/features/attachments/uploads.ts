import { attachmentPath } from '../../../shared/attachments.ts';
import type { Api } from '../../sync/http.ts';
import type { SyncStatusStore } from '../../sync/status.ts';
import { databaseNameFor } from '../../db/database.ts';
import { LocalFiles } from './local-files.ts';

/**
 * Sends the files added on this desk to the server when it can: at start, when a file is added,
 * when the desk comes back online or its pending writes have all gone (the complaint may just have
 * reached the server), and otherwise again after a back-off (1 s, doubling, at most a minute). A file is
 * sent until the server takes it (2xx) or refuses it for good (409, 413, 422: kept, marked
 * rejected). A 404 means its complaint has not reached the server yet: tried again later.
 */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
const PERMANENT = new Set([409, 413, 422]);

export type UploadsOptions = {
  files: LocalFiles;
  api: Api;
  status: SyncStatusStore;
  /** Timers, replaceable in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export class AttachmentUploads {
  private current: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  private timer: unknown = null;
  private readonly offStatus: () => void;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly o: UploadsOptions) {
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    let last = o.status.getSnapshot();
    this.offStatus = o.status.subscribe(() => {
      const now = o.status.getSnapshot();
      const cameOnline = now.online && !last.online;
      const drained = now.online && now.pending === 0 && last.pending > 0;
      last = now;
      if (cameOnline || drained) this.kick();
    });
  }

  get files(): LocalFiles {
    return this.o.files;
  }

  /** Try now (again), forgetting the back-off. */
  kick(): void {
    if (this.stopped) return;
    this.failures = 0;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    void this.run();
  }

  /** Runs a pass now (or right after the one under way); resolves when passes are over. */
  run(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.loop().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  /** Resolves when no pass is under way (tests, shutdown). */
  idle(): Promise<void> {
    return this.current ?? Promise.resolve();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const retry = await this.pass();
      if (!retry) this.failures = 0;
      if (retry && !this.again && !this.stopped) this.schedule();
    } while (this.again && !this.stopped);
  }

  stop(): void {
    this.stopped = true;
    this.offStatus();
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const delay = Math.min(FIRST_RETRY_MS * 2 ** this.failures, MAX_RETRY_MS);
    this.failures++;
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  /** One attempt at every pending file; true when some must be tried again later. */
  private async pass(): Promise<boolean> {
    let retry = false;
    for (const file of await this.o.files.pending()) {
      if (this.stopped) return false;
      const bytes = await this.o.files.bytesOf(file.id);
      if (!bytes) continue;
      let res: Response;
      try {
        res = await this.o.api.request(`${attachmentPath(file.complaintId, file.id)}?name=${encodeURIComponent(file.name)}`, {
          method: 'PUT',
          raw: { data: bytes, type: file.type },
        });
      } catch {
        retry = true; // offline: the status store will say when it is back
        continue;
      }
      const body = (await res.json().catch(() => null)) as { reason?: unknown } | null;
      if (res.ok) await this.o.files.mark(file.id, 'uploaded');
      else if (PERMANENT.has(res.status)) {
        const reason = typeof body?.reason === 'string' ? body.reason : res.status === 409 ? 'conflict' : 'rejected';
        await this.o.files.mark(file.id, 'rejected', reason);
      } else retry = true;
    }
    return retry;
  }
}

/** The running uploads of each signed-in hospital, so the detail page finds its desk's one. */
const running = new Map<string, AttachmentUploads>();

export function startAttachmentUploads(hospitalId: string, o: Omit<UploadsOptions, 'files'> & { files?: LocalFiles }): { stop(): void } {
  const uploads = new AttachmentUploads({ ...o, files: o.files ?? new LocalFiles(databaseNameFor('cdesk_files_', hospitalId)) });
  running.get(hospitalId)?.stop();
  running.set(hospitalId, uploads);
  uploads.kick();
  return {
    stop() {
      uploads.stop();
      if (running.get(hospitalId) === uploads) running.delete(hospitalId);
      void uploads.files.close();
    },
  };
}

export function attachmentUploadsOf(hospitalId: string): AttachmentUploads | null {
  return running.get(hospitalId) ?? null;
}
