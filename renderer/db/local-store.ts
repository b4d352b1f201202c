import { Observable, map } from 'rxjs';
import type { LoginResponse } from '../../shared/api.ts';
import type { HeldBlock } from '../../shared/reference-number.ts';
import type { SeverityDefaults } from '../../shared/sla.ts';
import type { GroupStats } from '../../shared/stats/group.ts';
import type { Verifier } from '../auth/verifier.ts';

/**
 * Typed access to RxDB local documents (never replicated). Device-level values live in the
 * device database, hospital-level ones next to that hospital's replicated data, so switching
 * hospital never mixes two hospitals' numbers or outboxes.
 */
export type DeviceLocals = {
  deskId: { value: string };
  /** Which stored user is signed in; absent when signed out. */
  session: { username: string; hospitalId: string };
  /** Only used outside Electron (Electron keeps it in the main process). */
  serverUrl: { value: string };
  /** The last whole-group statistics from the server, shown offline (features/stats/group.ts). */
  'stats.group': { userId: string; answer: GroupStats };
};

/** One per user who ever signed in online on this workstation (`user:<username>`). */
export type StoredUser = LoginResponse & {
  verifier: Verifier;
  /** The hospitals this user may open, as last seen online. */
  hospitals: { id: string; code: string; nameEn: string; nameAr: string }[];
  hospitalId: string | null;
  /** The server's BASE_URL, for tracking links (absent until learned online). */
  publicBaseUrl?: string;
  /** The server's SLA hours per severity (renderer/auth/server-info.ts); absent until learned online. */
  severityDefaults?: SeverityDefaults;
};

export type HospitalLocals = {
  refBlocks: { blocks: HeldBlock[] };
  lastSync: { at: number };
  /** collection:id → fingerprint of the local write not yet acknowledged by the server. */
  outbox: { entries: Record<string, string> };
};

type LocalCapable = {
  getLocal<T>(id: string): Promise<{ toJSON(): { data: T } } | null>;
  upsertLocal<T>(id: string, data: T): Promise<unknown>;
  getLocal$<T>(id: string): Observable<{ toJSON(): { data: T } } | null>;
};

export class LocalStore<M> {
  private readonly db: LocalCapable;

  constructor(db: unknown) {
    this.db = db as LocalCapable;
  }

  async get<K extends keyof M & string>(key: K): Promise<M[K] | null> {
    const doc = await this.db.getLocal<M[K]>(key);
    return doc ? doc.toJSON().data : null;
  }

  async set<K extends keyof M & string>(key: K, value: M[K]): Promise<void> {
    await this.db.upsertLocal(key, value);
  }

  async remove<K extends keyof M & string>(key: K): Promise<void> {
    const doc = (await this.db.getLocal<M[K]>(key)) as unknown as { remove(): Promise<unknown> } | null;
    if (doc) await doc.remove();
  }

  watch<K extends keyof M & string>(key: K): Observable<M[K] | null> {
    return this.db.getLocal$<M[K]>(key).pipe(map((doc) => (doc ? doc.toJSON().data : null)));
  }
}

export type DeviceStore = LocalStore<DeviceLocals>;
export type HospitalStore = LocalStore<HospitalLocals>;

const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;

/** Stored users are keyed dynamically, so they get their own small accessor. */
export class UserRecords {
  private readonly db: LocalCapable;

  constructor(db: unknown) {
    this.db = db as LocalCapable;
  }

  async get(username: string): Promise<StoredUser | null> {
    const doc = await this.db.getLocal<StoredUser>(userKey(username));
    return doc ? doc.toJSON().data : null;
  }

  async set(record: StoredUser): Promise<void> {
    await this.db.upsertLocal(userKey(record.user.username), record);
  }
}
