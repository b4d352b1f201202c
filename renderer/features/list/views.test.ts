import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom, filter as rxFilter } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase, type DeskDatabase } from '../../db/database.ts';
import { uniqueName } from '../../testing/fixtures.ts';
import { activeFilterCount, DEFAULT_QUERY, EMPTY_FILTER, sanitizeQuery } from './filters.ts';
import { builtInQuery, ViewStore } from './views.ts';

let db: DeskDatabase;
beforeAll(async () => {
  db = await createDeskDatabase({ name: uniqueName('views'), storage: getRxStorageMemory() });
});
afterAll(async () => {
  await db.close();
});

describe('list views', () => {
  it('builds "my open" and "overdue in my department" for the signed-in user', () => {
    expect(builtInQuery('my_open', { id: 'u1', departmentId: 'er' }).filter).toMatchObject({ status: 'open', assignee: 'u1' });
    expect(builtInQuery('overdue_department', { id: 'u1', departmentId: 'er' }).filter).toMatchObject({ status: 'open', overdue: true, department: 'er' });
    // Without a department of one's own: every overdue open complaint.
    expect(builtInQuery('overdue_department', { id: 'u1', departmentId: null }).filter.department).toBe('');
    expect(builtInQuery('all_open', { id: 'u1', departmentId: null })).toEqual(DEFAULT_QUERY);
  });

  it('saves views per user, replaces one of the same name, and removes', async () => {
    const sara = new ViewStore(db, 'sara');
    const omar = new ViewStore(db, 'omar');
    const urgent = { filter: { ...EMPTY_FILTER, priority: 'urgent' as const }, sort: 'newest' as const };
    await sara.save('  Urgent  ', urgent, 1);
    await sara.save('MOH', { filter: { ...EMPTY_FILTER, source: 'MOH' }, sort: 'due' }, 2);
    await sara.save('Urgent', { ...urgent, sort: 'priority' }, 3);
    const views = await sara.list();
    expect(views.map((v) => [v.name, v.query.sort])).toEqual([['Urgent', 'priority'], ['MOH', 'due']]);
    expect(await omar.list()).toEqual([]);
    const watched = firstValueFrom(sara.watch().pipe(rxFilter((v) => v.length === 1)));
    await sara.remove(views[0]!.id);
    expect((await watched).map((v) => v.name)).toEqual(['MOH']);
    await expect(sara.save('   ', urgent, 4)).rejects.toThrow();
  });

  it('reads back a stored query defensively', () => {
    expect(sanitizeQuery({ sort: 'sideways', filter: { status: 'DONE', priority: 'high', overdue: 'yes', from: -5, search: 42 } })).toEqual({
      sort: 'due',
      filter: { ...EMPTY_FILTER, priority: 'high' },
    });
    expect(sanitizeQuery(null)).toEqual({ sort: 'due', filter: EMPTY_FILTER });
    expect(activeFilterCount({ ...EMPTY_FILTER, status: 'open', overdue: true, from: 0, search: '  ' })).toBe(3);
  });
});
