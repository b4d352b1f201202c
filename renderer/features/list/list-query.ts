import type { ComplaintDoc } from '../../../shared/documents.ts';
import { parseQuery } from '../../../shared/search.ts';
import type { DeskDatabase } from '../../db/database.ts';
import type { ListKeysDoc } from '../../db/list-keys.ts';
import type { ListQuery } from './filters.ts';
import { filterPredicate, planList, SORT_KEY_OF } from './query-plan.ts';
import { searchIndexOf } from './search-index.ts';

/**
 * A list as the page reads it: `next(n)` returns the following `n` complaints in order. Without a
 * search the rows come from an index of `listKeys` (keyset paging: each page starts after the
 * last key of the one before); with one, from the in-memory search index. Either way only the
 * complaints shown are read in full.
 */
export interface ListCursor {
  /** Null when it would cost a scan (filters the index does not cover). */
  total(): Promise<number | null>;
  next(n: number): Promise<ComplaintDoc[]>;
  readonly done: boolean;
}

async function complaintsById(db: DeskDatabase, ids: string[]): Promise<ComplaintDoc[]> {
  if (ids.length === 0) return [];
  const found = await db.complaints.findByIds(ids).exec();
  const out: ComplaintDoc[] = [];
  // A complaint whose keys are ahead of its removal is skipped rather than shown empty.
  for (const id of ids) {
    const doc = found.get(id);
    if (doc) out.push(doc.toJSON() as ComplaintDoc);
  }
  return out;
}

class IndexedCursor implements ListCursor {
  private after: string | null = null;
  done = false;

  constructor(
    private readonly db: DeskDatabase,
    private readonly query: ListQuery,
  ) {}

  async total(): Promise<number | null> {
    const plan = planList(this.query.filter, this.query.sort);
    if (!plan.countable) return null;
    return this.db.listKeys.count({ selector: plan.selector, index: plan.index }).exec();
  }

  async next(n: number): Promise<ComplaintDoc[]> {
    if (this.done) return [];
    const plan = planList(this.query.filter, this.query.sort, this.after);
    const keys = await this.db.listKeys
      .find({ selector: plan.selector, sort: [{ [plan.sortKey]: 'asc' }], index: plan.index, limit: n })
      .exec();
    if (keys.length < n) this.done = true;
    const last = keys[keys.length - 1];
    if (last) this.after = (last.toJSON() as ListKeysDoc)[plan.sortKey];
    return complaintsById(
      this.db,
      keys.map((k) => k.primary),
    );
  }
}

class SearchCursor implements ListCursor {
  private ids: Promise<string[]> | null = null;
  private offset = 0;
  done = false;

  constructor(
    private readonly db: DeskDatabase,
    private readonly query: ListQuery,
  ) {}

  private matches(): Promise<string[]> {
    this.ids ??= (async () => {
      const index = searchIndexOf(this.db.listKeys);
      await index.ready;
      return index.search(parseQuery(this.query.filter.search), filterPredicate(this.query.filter), SORT_KEY_OF[this.query.sort]);
    })();
    return this.ids;
  }

  async total(): Promise<number> {
    return (await this.matches()).length;
  }

  async next(n: number): Promise<ComplaintDoc[]> {
    const ids = await this.matches();
    const page = ids.slice(this.offset, this.offset + n);
    this.offset += page.length;
    this.done = this.offset >= ids.length;
    return complaintsById(this.db, page);
  }
}

/** True when the query's search text holds something to search for. */
export const isSearch = (q: ListQuery) => parseQuery(q.filter.search).length > 0;

export function openCursor(db: DeskDatabase, query: ListQuery): ListCursor {
  return isSearch(query) ? new SearchCursor(db, query) : new IndexedCursor(db, query);
}
