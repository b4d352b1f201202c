import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { QueryTerm } from '../../../shared/search.ts';
import type { ListKeysDoc, SortKey } from '../../db/list-keys.ts';
import { readLivePage } from '../../db/raw-read.ts';

/**
 * The complaint search: an inverted index in memory, from every search token (already folded,
 * shared/search.ts) to the complaints that have it, over the desk's `listKeys`.
 *
 * Why in memory: a query term is a prefix ("مستش" finds "مستشفي"), and the token lists are long
 * (a complaint has dozens of tokens; 100,000 complaints have millions of token/complaint pairs).
 * Stored as one IndexedDB record per pair, first sync would write millions of records; a regex
 * over the stored text reads every document per keystroke. Here a prefix is a binary search in
 * the sorted token list and a union of posting lists, a few milliseconds at 100,000 complaints.
 *
 * The index is built from `listKeys` in the background when first asked for (the list shows its
 * first rows from the database meanwhile, raw-read.ts reads the keys fast) and then follows every
 * change event of `listKeys`, so a complaint is searchable as soon as its keys are written.
 */
type Keys = Omit<ListKeysDoc, 'tokens'>;

// Small batches: each is one task on the page's main thread, short enough not to stall typing.
const BATCH = 500;

export class SearchIndex {
  private readonly slots: (Keys | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private sorted: string[] = [];
  private unsorted: string[] = [];
  private dead = 0;
  /** Changes that arrive while the first build reads: applied after it (they are newer). */
  private early: RxChangeEvent<ListKeysDoc>[] | null = [];
  private readonly sub: Subscription;
  private closed = false;
  /** Resolves when the first full build is done. */
  readonly ready: Promise<void>;

  constructor(private readonly keys: RxCollection<ListKeysDoc>) {
    this.sub = keys.eventBulks$.subscribe((bulk) => {
      const events = bulk.events as RxChangeEvent<ListKeysDoc>[];
      if (this.early) this.early.push(...events);
      else for (const e of events) this.apply(e);
    });
    this.ready = this.build();
  }

  /** True once the first full build is done (the list says "preparing" until then). */
  get isReady(): boolean {
    return this.early === null;
  }

  get size(): number {
    return this.slotOf.size;
  }

  close(): void {
    this.closed = true;
    this.sub?.unsubscribe();
  }

  private async build(): Promise<void> {
    let after = '';
    while (!this.closed) {
      const page = await readLivePage(this.keys, after, BATCH);
      for (const d of page.docs) this.put(d);
      if (page.lastId === null) break;
      after = page.lastId;
      // Let the page breathe between batches of the first build.
      await new Promise((r) => setTimeout(r, 0));
    }
    const early = this.early ?? [];
    this.early = null;
    for (const e of early) this.apply(e);
  }

  private apply(e: RxChangeEvent<ListKeysDoc>): void {
    if (e.operation === 'DELETE' || e.documentData._deleted) this.remove(e.documentId);
    else this.put(e.documentData);
  }

  private remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slots[slot] = null;
    this.slotOf.delete(id);
    this.dead++;
  }

  /** A changed complaint takes a new slot; its old slot stays in old posting lists, marked dead. */
  private put(doc: ListKeysDoc): void {
    this.remove(doc.id);
    const { tokens, ...keys } = doc;
    const slot = this.slots.length;
    this.slots.push({
      id: keys.id,
      status: keys.status,
      open: keys.open,
      priority: keys.priority,
      severity: keys.severity,
      category: keys.category,
      sourceCode: keys.sourceCode,
      departmentId: keys.departmentId,
      assigneeId: keys.assigneeId,
      overdue: keys.overdue,
      createdAt: keys.createdAt,
      dueKey: keys.dueKey,
      newestKey: keys.newestKey,
      priorityKey: keys.priorityKey,
    });
    this.slotOf.set(doc.id, slot);
    for (const token of tokens.split(' ')) {
      if (!token) continue;
      const list = this.postings.get(token);
      if (list) list.push(slot);
      else {
        this.postings.set(token, [slot]);
        this.unsorted.push(token);
      }
    }
    if (this.dead > 10_000 && this.dead > this.slotOf.size) this.compact();
  }

  /** Rebuilds posting lists without dead slots once they outnumber the live ones. */
  private compact(): void {
    const renumber = new Map<number, number>();
    const live: Keys[] = [];
    this.slots.forEach((k, i) => {
      if (k) {
        renumber.set(i, live.length);
        live.push(k);
      }
    });
    for (const [token, list] of this.postings) {
      const kept = list.map((s) => renumber.get(s)).filter((s): s is number => s !== undefined);
      if (kept.length > 0) this.postings.set(token, kept);
      else this.postings.delete(token);
    }
    this.slots.length = 0;
    this.slots.push(...live);
    this.slotOf.clear();
    live.forEach((k, i) => this.slotOf.set(k.id, i));
    this.sorted = [...this.postings.keys()].sort();
    this.unsorted = [];
    this.dead = 0;
  }

  private sortedTokens(): string[] {
    if (this.unsorted.length > 0) {
      this.sorted = mergeSorted(this.sorted, this.unsorted.filter((t) => this.postings.has(t)).sort());
      this.unsorted = [];
    }
    return this.sorted;
  }

  /**
   * The ids of the live complaints that match every term and `accept`, in ascending order of
   * `sortKey`. Each term matches a complaint when one of its alternatives is a prefix of one of
   * the complaint's tokens (shared/search.ts `matchesQuery`).
   */
  search(terms: readonly QueryTerm[], accept: (k: Keys) => boolean, sortKey: SortKey): string[] {
    if (terms.length === 0) return [];
    const tokens = this.sortedTokens();
    const termSlots = terms.map((alts) => this.slotsOfTerm(tokens, alts));
    // The rarest term first: the others only confirm its candidates.
    termSlots.sort((a, b) => a.length - b.length);
    const first = termSlots[0] ?? [];
    let hits = new Uint8Array(this.slots.length);
    for (const s of first) hits[s] = 1;
    for (const other of termSlots.slice(1)) {
      const next = new Uint8Array(this.slots.length);
      for (const s of other) if (hits[s]) next[s] = 1;
      hits = next;
    }
    const found: Keys[] = [];
    for (const s of first) {
      if (!hits[s]) continue;
      hits[s] = 0; // a slot listed under several matching tokens counts once
      const k = this.slots[s];
      if (k && accept(k)) found.push(k);
    }
    found.sort((a, b) => (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : 0));
    return found.map((k) => k.id);
  }

  private slotsOfTerm(tokens: string[], alts: QueryTerm): number[] {
    const out: number[] = [];
    for (const alt of alts) {
      for (let i = lowerBound(tokens, alt); i < tokens.length && (tokens[i] as string).startsWith(alt); i++) {
        const list = this.postings.get(tokens[i] as string);
        if (list) for (const s of list) out.push(s);
      }
    }
    return out;
  }
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: string[], b: string[]): string[] {
  if (a.length === 0) return b;
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = (a[i] as string) <= (b[j] as string) ? (a[i++] as string) : (b[j++] as string);
  while (i < a.length) out[k++] = a[i++] as string;
  while (j < b.length) out[k++] = b[j++] as string;
  return out;
}

const indexes = new WeakMap<RxCollection<ListKeysDoc>, SearchIndex>();

/** The search index of a desk database, built on first use and kept until the database closes. */
export function searchIndexOf(keys: RxCollection<ListKeysDoc>): SearchIndex {
  let index = indexes.get(keys);
  if (!index) {
    const created = new SearchIndex(keys);
    index = created;
    indexes.set(keys, created);
    keys.onClose.push(() => created.close());
  }
  return index;
}
