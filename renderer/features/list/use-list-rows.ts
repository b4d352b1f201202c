import { useCallback, useEffect, useRef, useState } from 'react';
import { debounceTime } from 'rxjs';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import type { DeskDatabase } from '../../db/database.ts';
import type { ListQuery } from './filters.ts';
import { isSearch, openCursor, type ListCursor } from './list-query.ts';
import { searchIndexOf } from './search-index.ts';

export const PAGE = 50;

export type ListRows = {
  rows: ComplaintDoc[];
  /** Null while it is unknown or would cost a scan. */
  total: number | null;
  done: boolean;
  /** The first page of the current query is on its way. */
  loading: boolean;
  /** The search index is still being built (the first search after start waits for it). */
  preparingSearch: boolean;
  loadMore(): void;
  /** When the current query was asked (performance.now()) and a counter of answered queries. */
  answered: { startedAt: number; seq: number } | null;
};

/**
 * The rows of a list query: the first page at once, more as the list scrolls, and the loaded
 * range read again whenever the list keys change (another desk's change pulled, a local edit).
 * An answer to a query that has been replaced meanwhile is dropped.
 */
export function useListRows(db: DeskDatabase, query: ListQuery, startedAt: () => number): ListRows {
  const [state, setState] = useState<Omit<ListRows, 'loadMore' | 'preparingSearch'>>({
    rows: [],
    total: null,
    done: false,
    loading: true,
    answered: null,
  });
  const [preparingSearch, setPreparingSearch] = useState(false);
  const generation = useRef(0);
  const cursor = useRef<ListCursor | null>(null);
  const loadingMore = useRef(false);
  const loaded = useRef(0);
  const seq = useRef(0);

  const load = useCallback(
    async (limit: number, fresh: boolean) => {
      const gen = ++generation.current;
      const started = startedAt();
      const search = isSearch(query);
      if (search) {
        const index = searchIndexOf(db.listKeys);
        if (!index.isReady) {
          setPreparingSearch(true);
          await index.ready;
          setPreparingSearch(false);
        }
      }
      const c = openCursor(db, query);
      const rows = await c.next(limit);
      if (gen !== generation.current) return;
      cursor.current = c;
      loaded.current = rows.length;
      setState((s) => ({
        rows,
        // A count walks its whole index range: the rows go first, the count follows.
        total: fresh ? null : s.total,
        done: c.done,
        loading: false,
        answered: fresh ? { startedAt: started, seq: ++seq.current } : null,
      }));
      const total = await c.total();
      if (gen === generation.current) setState((s) => ({ ...s, total }));
    },
    [db, query, startedAt],
  );

  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    void load(PAGE, true).catch((e: unknown) => console.error(e));
    const sub = db.listKeys.$.pipe(debounceTime(300)).subscribe(() => {
      void load(Math.max(PAGE, loaded.current), false).catch((e: unknown) => console.error(e));
    });
    return () => sub.unsubscribe();
  }, [db, load]);

  const loadMore = useCallback(() => {
    const c = cursor.current;
    if (!c || c.done || loadingMore.current) return;
    loadingMore.current = true;
    const gen = generation.current;
    void c
      .next(PAGE)
      .then((more) => {
        if (gen !== generation.current) return;
        loaded.current += more.length;
        setState((s) => ({ ...s, rows: [...s.rows, ...more], done: c.done }));
      })
      .catch((e: unknown) => console.error(e))
      .finally(() => {
        loadingMore.current = false;
      });
  }, []);

  return { ...state, preparingSearch, loadMore };
}
