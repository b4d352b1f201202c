/**
 * What the header's sync indicator shows. A tiny external store (subscribe/getSnapshot) so React
 * reads it with useSyncExternalStore and the sync code needs no React.
 */
/** `estimate` is null while some collection has not answered its first pull. */
export type FirstSync = { pulled: number; estimate: number | null };

export type SyncStatus = {
  /** The browser says it has a network AND the last request reached the server. */
  online: boolean;
  browserOnline: boolean;
  lastRequestOk: boolean;
  /** Local writes the server has not acknowledged yet. */
  pending: number;
  lastSyncAt: number | null;
  /** Set while this hospital's very first download runs. */
  firstSync: FirstSync | null;
  /** The server refused the refresh token: sync stops until the user signs in again online. */
  authLost: boolean;
};

type Listener = () => void;

export class SyncStatusStore {
  private state: SyncStatus;
  private readonly listeners = new Set<Listener>();

  constructor(initial: Partial<SyncStatus> = {}) {
    const browserOnline = initial.browserOnline ?? true;
    const lastRequestOk = initial.lastRequestOk ?? true;
    this.state = {
      pending: 0,
      lastSyncAt: null,
      firstSync: null,
      authLost: false,
      ...initial,
      browserOnline,
      lastRequestOk,
      online: browserOnline && lastRequestOk,
    };
  }

  getSnapshot = (): SyncStatus => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(patch: Partial<Omit<SyncStatus, 'online'>>): void {
    const next = { ...this.state, ...patch };
    next.online = next.browserOnline && next.lastRequestOk;
    const changed = (Object.keys(next) as (keyof SyncStatus)[]).some((k) => next[k] !== this.state[k]);
    if (!changed) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  requestOutcome(ok: boolean): void {
    this.update({ lastRequestOk: ok });
  }
}
