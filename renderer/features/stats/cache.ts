import { getChangedDocumentsSince, type RxCollection, type RxStorageChangeEvent } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import type { DashboardInput } from '../../../shared/stats/dashboard.ts';
import { isSurveyScore, type SurveyScore } from '../../../shared/stats/survey.ts';
import type { StatsComplaint, StatusChange } from '../../../shared/stats/types.ts';
import { LocalStore } from '../../db/local-store.ts';
import { readLivePage } from '../../db/raw-read.ts';
import { toStatsComplaint } from './read.ts';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_VERSION, type FeedCheckpoint, type StatsSnapshot } from './snapshot.ts';

/**
 * What the cache follows: the hospital database's two big collections. Structural, so that
 * db/database.ts can start the cache when it opens the database without an import cycle.
 */
export type StatsDatabase = {
  readonly complaints: RxCollection<ComplaintDoc>;
  readonly events: RxCollection<TimelineEventDoc>;
  readonly closed: boolean;
  readonly onClose: (() => unknown)[];
};

type Feed = 'complaints' | 'events';
type StatsLocals = { 'stats.snapshot': StatsSnapshot };
type RawDoc = Record<string, unknown> & { _meta?: { lwt?: number }; _deleted?: unknown };

const BATCH = 2_000;
/** While changes keep coming, the snapshot is saved at most this often. */
const SAVE_EVERY_MS = 30_000;
/**
 * RxDB stamps a write's time when the write is asked for, not when it commits, so a write can
 * commit after a later-stamped one: the saved feed position is this much before the newest write
 * applied, and the next session re-reads those writes, which changes nothing (complaints replace,
 * status changes and survey answers are de-duplicated).
 */
const CHECKPOINT_MARGIN_MS = 5_000;

/**
 * The dashboard's input, in memory for as long as the hospital's database is open (started by
 * db/database.ts, like the list keys' indexer): every complaint's statistics fields, status
 * changes and survey answers. It listens to both collections' change events from the moment the
 * database opens and applies the written documents themselves, so replication and the desk's own
 * writes keep it current without reading anything back. Filling it at open comes from the
 * snapshot saved last time (snapshot.ts) plus the change feed since, or — the first time, or
 * after a snapshot version change — from one paged read of both collections; changes heard
 * meanwhile are applied after it, in order. So the dashboard opens by computing from memory.
 */
export class StatsCache {
  readonly complaints = new Map<string, StatsComplaint>();
  readonly changes = new Map<string, StatusChange[]>();
  /** Each complaint's satisfaction-survey answers, oldest first. */
  readonly surveys = new Map<string, SurveyScore[]>();
  version = 0;
  private readonly store: LocalStore<StatsLocals>;
  private filled: Promise<void> | null = null;
  private ready = false;
  /** Change events heard while filling, applied after it. */
  private heardWhileFilling: { feed: Feed; docs: RawDoc[] }[] = [];
  /** Where each feed was read up to when the snapshot this session started from was saved. */
  private resumeFrom: Record<Feed, FeedCheckpoint | null> = { complaints: null, events: null };
  /** The newest write time applied this session, per feed. */
  private newest: Record<Feed, number | null> = { complaints: null, events: null };
  private subs: Subscription[] = [];
  private listeners = new Set<() => void>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSave = 0;
  private stopped = false;

  constructor(private readonly db: StatsDatabase) {
    this.store = new LocalStore<StatsLocals>(db);
  }

  /** Starts listening at once and fills in the background; resolves once the figures are complete. */
  start(): Promise<void> {
    if (this.filled) return this.filled;
    // Listening before reading: whatever commits after the read began is heard (see fill).
    this.subs.push(
      this.db.complaints.eventBulks$.subscribe((b) => this.heard('complaints', b.events)),
      this.db.events.eventBulks$.subscribe((b) => this.heard('events', b.events)),
    );
    this.filled = this.fill();
    this.filled.catch((e: unknown) => this.report(e));
    return this.filled;
  }

  /** Resolves once the cache holds everything written so far (starts it if nobody did). */
  load(): Promise<void> {
    return this.start();
  }

  /** What `computeDashboard` needs from the cache, as held (not copied); add a scope and a time. */
  input(): Pick<DashboardInput, 'complaints' | 'changesByComplaint' | 'surveysByComplaint'> {
    return { complaints: this.complaints.values(), changesByComplaint: this.changes, surveysByComplaint: this.surveys };
  }

  get isReady(): boolean {
    return this.ready;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.saveTimer);
    for (const s of this.subs) s.unsubscribe();
    this.subs = [];
    this.heardWhileFilling = [];
  }

  /** Saves the snapshot now (tests; the cache saves by itself after changes). */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.lastSave = Date.now();
    const checkpoints = { complaints: this.position('complaints'), events: this.position('events') };
    await this.store.set('stats.snapshot', encodeSnapshot(this.complaints.values(), this.changes, this.surveys, checkpoints));
  }

  private heard(feed: Feed, events: readonly RxStorageChangeEvent<unknown>[]): void {
    if (this.stopped) return;
    const docs = events.map((e) => e.documentData as unknown as RawDoc);
    if (!this.ready) {
      this.heardWhileFilling.push({ feed, docs });
      return;
    }
    this.apply(feed, docs);
    this.changed();
  }

  private async fill(): Promise<void> {
    const saved = await this.store.get('stats.snapshot').catch(() => null);
    let changed: boolean;
    if (saved?.version === SNAPSHOT_VERSION) {
      const { complaints, changes, surveys } = decodeSnapshot(saved);
      for (const c of complaints) this.complaints.set(c.id, c);
      for (const ch of changes) this.addChange(ch);
      for (const sv of surveys) this.addSurvey(sv);
      this.resumeFrom = { complaints: saved.complaintsCheckpoint, events: saved.eventsCheckpoint };
      // As good as just saved: what the feed adds is saved with the next changes, not during start-up.
      this.lastSave = Date.now();
      const complaintsChanged = await this.readFeed('complaints');
      changed = (await this.readFeed('events')) || complaintsChanged;
    } else {
      await this.readAll('complaints');
      await this.readAll('events');
      changed = true;
    }
    if (this.stopped) return;
    // No await from here on: nothing can be heard between the last read and `ready`.
    for (const h of this.heardWhileFilling) this.apply(h.feed, h.docs);
    changed ||= this.heardWhileFilling.length > 0;
    this.heardWhileFilling = [];
    this.ready = true;
    if (changed) this.changed(saved?.version === SNAPSHOT_VERSION ? undefined : 0);
  }

  /** Every live document of a collection, a page at a time, so the page stays responsive meanwhile. */
  private async readAll(feed: Feed): Promise<void> {
    const collection = this.db[feed] as unknown as RxCollection;
    for (let after = ''; ; ) {
      if (this.gone()) return;
      const page = await readLivePage(collection, after, BATCH);
      this.apply(feed, page.docs as unknown as RawDoc[]);
      if (page.lastId === null) return;
      after = page.lastId;
    }
  }

  /** What was written since the snapshot's feed position. */
  private async readFeed(feed: Feed): Promise<boolean> {
    const collection = this.db[feed] as unknown as RxCollection;
    let checkpoint = this.resumeFrom[feed] ?? undefined;
    // Writes inside the margin may be the snapshot's own, read again: only later ones are news
    // (and only news make the snapshot worth saving again).
    const news = checkpoint ? checkpoint.lwt + CHECKPOINT_MARGIN_MS : -1;
    let changed = false;
    for (;;) {
      if (this.gone()) return changed;
      const r = await getChangedDocumentsSince(collection.storageInstance, BATCH, checkpoint);
      if (r.documents.length === 0) return changed;
      this.apply(feed, r.documents as unknown as RawDoc[]);
      checkpoint = r.checkpoint as FeedCheckpoint;
      changed ||= r.documents.some((d) => d._meta.lwt > news);
      if (r.documents.length < BATCH) return changed;
    }
  }

  private apply(feed: Feed, docs: readonly RawDoc[]): void {
    let newest = this.newest[feed];
    for (const d of docs) {
      const lwt = d._meta?.lwt;
      if (typeof lwt === 'number' && (newest === null || lwt > newest)) newest = lwt;
      // Dexie keeps indexed booleans as '1'/'0' (IndexedDB cannot index booleans); `_deleted` is one.
      const deleted = d._deleted === true || d._deleted === '1';
      if (feed === 'complaints') {
        if (deleted) this.complaints.delete(String(d.id));
        else this.complaints.set(String(d.id), toStatsComplaint(d as unknown as ComplaintDoc));
        continue;
      }
      if (deleted) continue;
      const e = d as unknown as TimelineEventDoc;
      if (e.type === 'status_changed') this.addChange({ complaintId: e.complaintId, at: e.at, from: e.from, to: e.to });
      // The score as sync-server/sla/thresholds/survey.ts writes it; anything else is not an answer.
      else if (e.type === 'survey_received' && isSurveyScore(e.data['score'])) this.addSurvey({ complaintId: e.complaintId, at: e.at, score: e.data['score'] });
    }
    this.newest[feed] = newest;
  }

  /** The feed position to save: before the newest write applied by the margin, never before where this session resumed. */
  private position(feed: Feed): FeedCheckpoint | null {
    const newest = this.newest[feed];
    const resumed = this.resumeFrom[feed];
    if (newest === null) return resumed;
    const lwt = Math.max(0, newest - CHECKPOINT_MARGIN_MS);
    return resumed && resumed.lwt >= lwt ? resumed : { id: '', lwt };
  }

  /** Keeps each complaint's changes oldest first, once each (a replayed event changes nothing). */
  private addChange(change: StatusChange): void {
    const list = this.changes.get(change.complaintId);
    if (!list) {
      this.changes.set(change.complaintId, [change]);
      return;
    }
    let i = list.length;
    while (i > 0 && list[i - 1]!.at > change.at) i -= 1;
    for (let k = i - 1; k >= 0 && list[k]!.at === change.at; k -= 1) {
      if (list[k]!.from === change.from && list[k]!.to === change.to) return;
    }
    list.splice(i, 0, change);
  }

  /** Keeps each complaint's answers oldest first, once each (a replayed event changes nothing). */
  private addSurvey(answer: SurveyScore): void {
    const list = this.surveys.get(answer.complaintId);
    if (!list) {
      this.surveys.set(answer.complaintId, [answer]);
      return;
    }
    if (list.some((x) => x.at === answer.at && x.score === answer.score)) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.at > answer.at) i -= 1;
    list.splice(i, 0, answer);
  }

  /** Tells the listeners and saves the snapshot soon (at once after a full read, else at most every SAVE_EVERY_MS). */
  private changed(saveIn?: number): void {
    this.version += 1;
    for (const l of this.listeners) l();
    this.scheduleSave(saveIn ?? Math.max(0, this.lastSave + SAVE_EVERY_MS - Date.now()));
  }

  private scheduleSave(delay: number): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      if (this.gone()) return;
      void this.save().catch((e: unknown) => this.report(e));
    }, delay);
  }

  private gone(): boolean {
    return this.stopped || this.db.closed;
  }

  private report(e: unknown): void {
    // Closing the database under a read or a save — RxDB drops the local documents (LD8) before
    // `closed` turns true: the next session starts from the last snapshot.
    if (!this.gone() && (e as { code?: unknown }).code !== 'LD8') console.error('statistics cache', e);
  }
}

const caches = new WeakMap<StatsDatabase, StatsCache>();

/** The database's cache: db/database.ts starts it at open; anyone else gets the same one. */
export function statsCacheFor(db: StatsDatabase): StatsCache {
  let cache = caches.get(db);
  if (!cache) {
    const created = new StatsCache(db);
    caches.set(db, created);
    db.onClose.push(() => created.stop());
    cache = created;
  }
  return cache;
}
