import { debounceTime, from, merge, of, switchMap, type Observable } from 'rxjs';
import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import type { ComplaintStatus } from '../../../shared/enums.ts';

export type ListFilter = { status: ComplaintStatus | ''; search: string };
export type ListPage = { rows: ComplaintDoc[]; total: number };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function listSelector(filter: ListFilter): MangoQuerySelector<ComplaintDoc> {
  const selector: MangoQuerySelector<ComplaintDoc> = {};
  if (filter.status) selector.status = filter.status;
  const q = filter.search.trim();
  if (q) {
    const contains = { $regex: escapeRegex(q), $options: 'i' };
    selector.$or = [{ referenceNumber: contains }, { 'complainant.name': contains }, { title: contains }];
  }
  return selector;
}

/**
 * The newest `limit` complaints, newest first. The index stays ascending (a descending Dexie
 * query reads the whole range): count the matches, skip to the last page of the ascending
 * order, and reverse only that bounded page in memory.
 */
export async function loadNewestPage(
  collection: RxCollection<ComplaintDoc>,
  filter: ListFilter,
  limit: number,
): Promise<ListPage> {
  const selector = listSelector(filter);
  // With a status, [status, createdAt] is the index and this sort walks it in order.
  const sort: MangoQuerySortPart<ComplaintDoc>[] = filter.status
    ? [{ status: 'asc' }, { createdAt: 'asc' }]
    : [{ createdAt: 'asc' }];
  const total = await collection.count({ selector }).exec();
  const docs = await collection.find({ selector, sort, skip: Math.max(0, total - limit), limit }).exec();
  return { rows: docs.map((d) => d.toJSON() as ComplaintDoc).reverse(), total };
}

/** Re-reads the page when the collection changes (bursts of pulled documents coalesce). */
export function watchNewestPage(
  collection: RxCollection<ComplaintDoc>,
  filter: ListFilter,
  limit: number,
): Observable<ListPage> {
  return merge(of(null), collection.$.pipe(debounceTime(200))).pipe(
    switchMap(() => from(loadNewestPage(collection, filter, limit))),
  );
}
