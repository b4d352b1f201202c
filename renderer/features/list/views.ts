import { map, type Observable } from 'rxjs';
import { uuidv7 } from '../../../shared/ids.ts';
import { LocalStore } from '../../db/local-store.ts';
import { DEFAULT_QUERY, EMPTY_FILTER, sanitizeQuery, type ListQuery } from './filters.ts';

/**
 * Saved list views. Two are built in and follow the signed-in user ("my open", "overdue in my
 * department"); the others are saved by the user and kept in the hospital database's local
 * documents, one list per user: a view names departments and staff of that hospital, so it
 * belongs beside that hospital's data, and several people may share one workstation.
 */
export type BuiltInView = 'all_open' | 'my_open' | 'overdue_department';
export type SavedView = { id: string; name: string; query: ListQuery };

export const BUILT_IN_VIEWS: readonly BuiltInView[] = ['all_open', 'my_open', 'overdue_department'];

/**
 * The query of a built-in view for this user. Without a department of their own (group staff,
 * admins), "overdue in my department" shows every overdue open complaint.
 */
export function builtInQuery(view: BuiltInView, user: { id: string; departmentId: string | null }): ListQuery {
  switch (view) {
    case 'all_open':
      return DEFAULT_QUERY;
    case 'my_open':
      return { filter: { ...EMPTY_FILTER, status: 'open', assignee: user.id }, sort: 'due' };
    case 'overdue_department':
      return { filter: { ...EMPTY_FILTER, status: 'open', overdue: true, department: user.departmentId ?? '' }, sort: 'due' };
  }
}

export const MAX_VIEWS = 30;
const MAX_NAME = 60;

type ViewLocals = Record<string, { views: SavedView[] }>;
const key = (userId: string) => `list.views.${userId}`;

function clean(raw: unknown): SavedView[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((v): v is { id: string; name: string; query: unknown } => !!v && typeof v.id === 'string' && typeof v.name === 'string')
    .slice(0, MAX_VIEWS)
    .map((v) => ({ id: v.id, name: v.name.slice(0, MAX_NAME), query: sanitizeQuery(v.query) }));
}

export class ViewStore {
  private readonly store: LocalStore<ViewLocals>;

  constructor(
    hospitalDb: unknown,
    private readonly userId: string,
  ) {
    this.store = new LocalStore<ViewLocals>(hospitalDb);
  }

  watch(): Observable<SavedView[]> {
    return this.store.watch(key(this.userId)).pipe(map((v) => clean(v?.views)));
  }

  async list(): Promise<SavedView[]> {
    return clean((await this.store.get(key(this.userId)))?.views);
  }

  /** Saves under a name (replacing a view of the same name); the name is trimmed. */
  async save(name: string, query: ListQuery, now: number): Promise<SavedView> {
    const trimmed = name.trim().slice(0, MAX_NAME);
    if (!trimmed) throw new Error('a view needs a name');
    const views = await this.list();
    const existing = views.find((v) => v.name === trimmed);
    const view: SavedView = { id: existing?.id ?? uuidv7(now), name: trimmed, query: sanitizeQuery(query) };
    const next = existing ? views.map((v) => (v.id === view.id ? view : v)) : [...views, view].slice(-MAX_VIEWS);
    await this.store.set(key(this.userId), { views: next });
    return view;
  }

  async remove(id: string): Promise<void> {
    const views = await this.list();
    await this.store.set(key(this.userId), { views: views.filter((v) => v.id !== id) });
  }
}
