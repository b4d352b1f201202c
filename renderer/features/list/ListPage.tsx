import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk-context.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { useObservable } from '../../ui/hooks.ts';
import { useDepartments, useSources, useStaff } from '../../ui/reference-data.ts';
import { BulkBar } from '../bulk/BulkBar.tsx';
import { FOCUS_SEARCH_EVENT, takeSearchFocusRequest } from '../intake/shortcuts.ts';
import { ComplaintRows } from './ComplaintRows.tsx';
import { activeFilterCount, DEFAULT_QUERY, LIST_SORTS, type ListFilter, type ListQuery, type ListSort } from './filters.ts';
import { ListFilters } from './ListFilters.tsx';
import { ListViews } from './ListViews.tsx';
import { searchIndexOf } from './search-index.ts';
import { useListRows } from './use-list-rows.ts';
import { builtInQuery, ViewStore, type SavedView } from './views.ts';
import './list.css';

/** The list a user left, per open database: coming back from a complaint finds it as it was. */
const lastQuery = new WeakMap<DeskDatabase, { query: ListQuery; view: string | null }>();

export function ListPage() {
  const { t } = useTranslation();
  const desk = useDesk();
  const staff = useStaff(desk);
  const sources = useSources(desk);
  const departments = useDepartments(desk).filter((d) => d.active);
  const me = staff.find((s) => s.id === desk.user.id);
  const myDepartment = me?.departmentId ?? null;
  const views = useMemo(() => new ViewStore(desk.db, desk.user.id), [desk]);
  const saved = useObservable<SavedView[]>(() => views.watch(), [views], []);

  const initial = lastQuery.get(desk.db) ?? { query: DEFAULT_QUERY, view: 'all_open' };
  const [query, setQueryState] = useState<ListQuery>(initial.query);
  const [view, setView] = useState<string | null>(initial.view);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const changedAt = useRef(performance.now());
  const startedAt = useCallback(() => changedAt.current, []);
  const list = useListRows(desk.db, query, startedAt);
  const searchBox = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);

  // How long the last query took, from the change to its rows in the page (read by the desk
  // benchmark and the end-to-end tests): set after the rows are in the DOM, before paint.
  useLayoutEffect(() => {
    const el = section.current;
    if (!el || !list.answered) return;
    el.dataset.queryMs = (performance.now() - list.answered.startedAt).toFixed(1);
    el.dataset.querySeq = String(list.answered.seq);
  }, [list.answered]);

  // The search index is built from the whole database (seconds at 100,000 complaints): start it
  // in the background once the first rows are shown, so the first search rarely waits for it.
  const shown = list.answered !== null;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => void searchIndexOf(desk.db.listKeys).ready.catch((e: unknown) => console.error(e)), 1_500);
    return () => clearTimeout(timer);
  }, [desk.db, shown]);

  // Alt+L (intake/shortcuts.ts): the cursor goes to the search box.
  useEffect(() => {
    const focus = () => {
      takeSearchFocusRequest();
      searchBox.current?.focus();
    };
    if (takeSearchFocusRequest()) focus();
    window.addEventListener(FOCUS_SEARCH_EVENT, focus);
    return () => window.removeEventListener(FOCUS_SEARCH_EVENT, focus);
  }, []);

  const setQuery = (q: ListQuery, v: string | null) => {
    changedAt.current = performance.now();
    lastQuery.set(desk.db, { query: q, view: v });
    setQueryState(q);
    setView(v);
  };
  const patchFilter = (patch: Partial<ListFilter>) => setQuery({ ...query, filter: { ...query.filter, ...patch } }, null);
  const names = useMemo(() => new Map(staff.map((s) => [s.id, s.displayName || s.username])), [staff]);
  const staffName = useCallback((id: string) => names.get(id) ?? id, [names]);

  const toggle = useCallback((id: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const rows = list.rows;
  const toggleAll = useCallback(() => {
    setSelected((s) => (rows.every((r) => s.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id))));
  }, [rows]);

  const filters = activeFilterCount({ ...query.filter, search: '' });
  return (
    <section
      className="card list-page"
      ref={section}
      data-testid="list-page"
      data-rows={list.rows.length}
      data-total={list.total ?? undefined}
      aria-busy={list.loading}
    >
      <div className="list-head">
        <h1>{t('list.heading')}</h1>
        <input
          ref={searchBox}
          data-testid="list-search"
          type="search"
          value={query.filter.search}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          onChange={(e) => patchFilter({ search: e.target.value })}
        />
        <label className="inline">
          <span>{t('list.sort')}</span>
          <select data-testid="list-sort" value={query.sort} onChange={(e) => setQuery({ ...query, sort: e.target.value as ListSort }, null)}>
            {LIST_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`list.sortBy.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ListViews
        active={view}
        saved={saved}
        onBuiltIn={(v) => setQuery(builtInQuery(v, { id: desk.user.id, departmentId: myDepartment }), v)}
        onSaved={(v) => setQuery(v.query, v.id)}
        onSave={async (name) => {
          const v = await views.save(name, query, Date.now());
          setView(v.id);
        }}
        onRemove={(id) => void views.remove(id)}
      />
      <details className="list-filter-box" open>
        <summary>{filters > 0 ? t('list.filtersActive', { count: filters }) : t('list.filters')}</summary>
        <ListFilters filter={query.filter} onChange={patchFilter} sources={sources} departments={departments} staff={staff} userId={desk.user.id} />
      </details>
      <BulkBar selected={[...selected]} staff={staff} departmentId={myDepartment} onSelect={(ids) => setSelected(new Set(ids))} />
      <p className="muted list-count" data-testid="list-count" aria-live="polite">
        {list.preparingSearch
          ? t('list.preparingSearch')
          : list.total !== null
            ? t('list.count', { count: list.total })
            : t('list.shown', { count: list.rows.length, more: list.done ? '' : '+' })}
      </p>
      {!list.loading && list.rows.length === 0 ? (
        <p className="muted" data-testid="list-empty">
          {t('list.empty')}
        </p>
      ) : (
        <ComplaintRows
          rows={list.rows}
          done={list.done}
          staffName={staffName}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          onNeedMore={list.loadMore}
        />
      )}
    </section>
  );
}
