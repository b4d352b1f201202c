import { getChangedDocumentsSince, type RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import { isSurveyScore, type SurveyScore } from '../../../shared/stats/survey.ts';
import type { StatsComplaint, StatusChange } from '../../../shared/stats/types.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { LocalStore } from '../../db/local-store.ts';
import { readAllDocs, toStatsComplaint } from './read.ts';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_VERSION, type FeedCheckpoint, type StatsSnapshot } from './snapshot.ts';

type StatsLocals = { 'stats.snapshot': StatsSnapshot };
type RawDoc = Record<string, unknown> & { _meta?: { lwt?: number }; _deleted?: unknown };

const BATCH = 2_000;
/** While changes keep coming, the snapshot is saved at most this often. */
const SAVE_EVERY_MS = 30_000;
/**
 * A write that started before the first full read but committed after it can carry an older
 * write time than documents the read saw: the feed is read again from a little earlier, and the
 * re-read documents change nothing (complaints replace, status changes are de-duplicated).
 */
const CHECKPOINT_MARGIN_MS = 5_000;

/**
 * The dashboard's input, in memory while the hospital's database is open: from the snapshot
 * saved last time (snapshot.ts) or, the first time, one read of each collection; then kept
 * current from the collections' change feeds, like the list keys (db/list-indexer.ts). So the
 * dashboard computes without reading 100,000 complaint documents each time it opens.
 */
export class StatsCache {
  readonly complaints = new Map<string, StatsComplaint>();
  readonly changes = new Map<string, StatusChange[]>();
  /** Each complaint's satisfaction-survey answers, oldest first. */
  readonly surveys = new Map<string, SurveyScore[]>();
  version = 0;
  private readonly store: LocalStore<StatsLocals>;
  private checkpoints: { complaints: FeedCheckpoint | null; events: FeedCheckpoint | null } = { complaints: null, events: null };
  private loading: Promise<void> | null = null;
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<boolean> | null = null;
  private subs: Subscription[] = [];
  private listeners = new Set<() => void>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSave = 0;
  private stopped = false;

  constructor(private readonly db: DeskDatabase) {
    this.store = new LocalStore<StatsLocals>(db);
  }

  load(): Promise<void> {
    this.loading ??= this.start();
    return this.loading;
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
  }

  /** Saves the snapshot now (tests; the cache saves by itself after changes). */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.lastSave = Date.now();
    await this.store.set('stats.snapshot', encodeSnapshot(this.complaints.values(), this.changes, this.surveys, this.checkpoints));
  }

  private async start(): Promise<void> {
    const saved = await this.store.get('stats.snapshot').catch(() => null);
    if (saved?.version === SNAPSHOT_VERSION) {
      const { complaints, changes, surveys } = decodeSnapshot(saved);
      for (const c of complaints) this.complaints.set(c.id, c);
      for (const ch of changes) this.addChange(ch);
      for (const sv of surveys) this.addSurvey(sv);
      this.checkpoints = { complaints: saved.complaintsCheckpoint, events: saved.eventsCheckpoint };
    } else {
      await this.readEverything();
    }
    const follow = () => void this.catchUp().catch((e: unknown) => this.report(e));
    this.subs.push(this.db.complaints.eventBulks$.subscribe(follow), this.db.events.eventBulks$.subscribe(follow));
    const changed = await this.catchUp();
    if (!saved || changed) this.scheduleSave(0);
  }

  private async readEverything(): Promise<void> {
    const [complaints, events] = await Promise.all([
      readAllDocs(this.db.complaints as unknown as RxCollection),
      readAllDocs(this.db.events as unknown as RxCollection),
    ]);
    this.applyComplaints(complaints);
    this.applyEvents(events);
    this.checkpoints = { complaints: latest(complaints), events: latest(events) };
  }

  /** Reads both change feeds from the checkpoints, one run at a time; calls while one waits share it. */
  private catchUp(): Promise<boolean> {
    if (this.queued) return this.queued;
    const run = this.tail.then(() => {
      this.queued = null;
      return this.readFeeds();
    });
    this.queued = run;
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async readFeeds(): Promise<boolean> {
    let changed = false;
    for (const name of ['complaints', 'events'] as const) {
      const collection = this.db[name] as unknown as RxCollection;
      for (;;) {
        if (this.stopped || this.db.closed) return changed;
        const r = await getChangedDocumentsSince(collection.storageInstance, BATCH, this.checkpoints[name] ?? undefined);
        if (r.documents.length === 0) break;
        if (name === 'complaints') this.applyComplaints(r.documents as unknown as RawDoc[]);
        else this.applyEvents(r.documents as unknown as RawDoc[]);
        this.checkpoints[name] = r.checkpoint as FeedCheckpoint;
        changed = true;
        if (r.documents.length < BATCH) break;
      }
    }
    if (changed) {
      this.version += 1;
      for (const l of this.listeners) l();
      this.scheduleSave(Math.max(0, this.lastSave + SAVE_EVERY_MS - Date.now()));
    }
    return changed;
  }

  private applyComplaints(docs: readonly RawDoc[]): void {
    for (const d of docs) {
      if (d._deleted === true || d._deleted === '1') this.complaints.delete(String(d.id));
      else this.complaints.set(String(d.id), toStatsComplaint(d as unknown as ComplaintDoc));
    }
  }

  private applyEvents(docs: readonly RawDoc[]): void {
    for (const d of docs) {
      const e = d as unknown as TimelineEventDoc;
      if (d._deleted === true || d._deleted === '1') continue;
      if (e.type === 'status_changed') this.addChange({ complaintId: e.complaintId, at: e.at, from: e.from, to: e.to });
      // The score as sync-server/sla/thresholds/survey.ts writes it; anything else is not an answer.
      else if (e.type === 'survey_received' && isSurveyScore(e.data['score'])) this.addSurvey({ complaintId: e.complaintId, at: e.at, score: e.data['score'] });
    }
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

  private scheduleSave(delay: number): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      if (this.stopped || this.db.closed) return;
      void this.save().catch((e: unknown) => this.report(e));
    }, delay);
  }

  private report(e: unknown): void {
    // Closing the database under a read or a save: the next session starts from the last snapshot.
    if (!this.stopped && !this.db.closed) console.error('statistics cache', e);
  }
}

/** The feed position of the newest document read, less the margin (see CHECKPOINT_MARGIN_MS). */
function latest(docs: readonly RawDoc[]): FeedCheckpoint | null {
  let best: FeedCheckpoint | null = null;
  for (const d of docs) {
    const lwt = d._meta?.lwt;
    if (typeof lwt !== 'number') continue;
    const id = String(d.id);
    if (!best || lwt > best.lwt || (lwt === best.lwt && id > best.id)) best = { id, lwt };
  }
  return best && { id: '', lwt: Math.max(0, best.lwt - CHECKPOINT_MARGIN_MS) };
}

const caches = new WeakMap<DeskDatabase, StatsCache>();

export function statsCacheFor(db: DeskDatabase): StatsCache {
  let cache = caches.get(db);
  if (!cache) {
    const created = new StatsCache(db);
    caches.set(db, created);
    db.onClose.push(() => created.stop());
    cache = created;
  }
  return cache;
}
