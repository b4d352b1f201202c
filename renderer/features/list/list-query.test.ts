import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { createDeskDatabase, listKeysCurrent, type DeskDatabase } from '../../db/database.ts';
import { complaint, uniqueName } from '../../testing/fixtures.ts';
import { EMPTY_FILTER, NONE, type ListFilter, type ListQuery, type ListSort } from './filters.ts';
import { openCursor } from './list-query.ts';
import { searchIndexOf } from './search-index.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
let db: DeskDatabase;
let all: ComplaintDoc[];

beforeAll(async () => {
  db = await createDeskDatabase({ name: uniqueName('list'), storage: getRxStorageMemory() });
  all = [
    complaint(0, { title: 'Rude reception staff', dueAt: T0 + 30 * H, priority: 'low', departmentId: 'er', assigneeId: 'u1' }),
    complaint(1, { status: 'RESOLVED', dueAt: T0 + 5 * H, complainant: { name: 'Noura Al-Harbi', phone: null, email: null, language: 'ar', smsOptOut: false } }),
    complaint(2, { title: 'مستشفى الأمل: موعد متأخر', dueAt: null, priority: 'urgent', category: 'waiting' }),
    complaint(3, { status: 'IN_PROGRESS', dueAt: T0 + 10 * H, priority: 'high', overdue: true, departmentId: 'er', assigneeId: 'u1' }),
    complaint(4, { dueAt: T0 + 20 * H, sourceCode: 'MOH', severity: 'critical', overdue: true, departmentId: 'er' }),
    complaint(5, { status: 'CLOSED', dueAt: T0 + 1 * H, description: 'المسئول عن الاستقبال لم يرد' }),
  ];
  await db.complaints.bulkInsert(all);
  await listKeysCurrent(db);
});
afterAll(async () => {
  await db.close();
});

const refs = (rows: ComplaintDoc[]) => rows.map((r) => r.referenceNumber.slice(-1));
async function list(filter: Partial<ListFilter>, sort: ListSort = 'due', n = 50) {
  const query: ListQuery = { filter: { ...EMPTY_FILTER, ...filter }, sort };
  const cursor = openCursor(db, query);
  return { rows: refs(await cursor.next(n)), total: await cursor.total(), cursor };
}

describe('complaint list', () => {
  it('sorts by due time (none last), newest first, and priority then due', async () => {
    expect((await list({}, 'due')).rows).toEqual(['6', '2', '4', '5', '1', '3']);
    expect((await list({}, 'newest')).rows).toEqual(['6', '5', '4', '3', '2', '1']);
    expect((await list({}, 'priority')).rows).toEqual(['3', '4', '6', '2', '5', '1']);
  });

  it('filters by status and by "open", counting from the index', async () => {
    expect(await list({ status: 'RESOLVED' })).toMatchObject({ rows: ['2'], total: 1 });
    expect(await list({ status: 'open' })).toMatchObject({ rows: ['4', '5', '1', '3'], total: 4 });
  });

  it('filters by priority, severity, category, source, department, assignee and overdue', async () => {
    expect((await list({ priority: 'urgent' })).rows).toEqual(['3']);
    expect((await list({ severity: 'critical' })).rows).toEqual(['5']);
    expect((await list({ category: 'waiting' })).rows).toEqual(['3']);
    expect((await list({ source: 'MOH' })).rows).toEqual(['5']);
    expect((await list({ department: 'er' })).rows).toEqual(['4', '5', '1']);
    expect((await list({ department: NONE })).rows).toEqual(['6', '2', '3']);
    expect((await list({ assignee: 'u1', status: 'open' })).rows).toEqual(['4', '1']);
    expect((await list({ assignee: NONE })).rows).toEqual(['6', '2', '5', '3']);
    expect((await list({ department: 'er', overdue: true })).rows).toEqual(['4', '5']);
    // A filter the index does not lead with is matched on the walk: no cheap count.
    expect((await list({ priority: 'urgent' })).total).toBeNull();
  });

  it('filters by creation date range, bounding the newest-first walk', async () => {
    const from = all[1]!.createdAt;
    const to = all[4]!.createdAt;
    expect((await list({ from, to }, 'newest')).rows).toEqual(['4', '3', '2']);
    expect((await list({ from, to }, 'due')).rows).toEqual(['2', '4', '3']);
    expect((await list({ from }, 'newest')).rows).toEqual(['6', '5', '4', '3', '2']);
  });

  it('pages after the last key without skipping or repeating', async () => {
    for (const sort of ['due', 'newest', 'priority'] as const) {
      const whole = (await list({}, sort)).rows;
      const cursor = openCursor(db, { filter: EMPTY_FILTER, sort });
      const paged: string[] = [];
      while (!cursor.done) paged.push(...refs(await cursor.next(2)));
      expect(paged).toEqual(whole);
    }
  });

  it('searches reference, name, phone, title and description with Arabic spelling variants', async () => {
    const search = async (q: string, filter: Partial<ListFilter> = {}) => (await list({ ...filter, search: q })).rows;
    expect(await search('مستشفي الامل')).toEqual(['3']);
    expect(await search('مستشفى الأمل')).toEqual(['3']);
    expect(await search('امل')).toEqual(['3']);
    expect(await search('مسؤول')).toEqual(['6']);
    expect(await search('noura')).toEqual(['2']);
    expect(await search('RUDE staff')).toEqual(['1']);
    expect(await search('CMP-2026-000004')).toEqual(['4']);
    expect(await search('0501234567')).toEqual(['6', '4', '5', '1', '3']);
    expect(await search('0501234567', { status: 'open' })).toEqual(['4', '5', '1', '3']);
    expect(await search('nothing like this')).toEqual([]);
    expect((await list({ search: 'four hours' })).total).toBe(5);
  });

  it('follows changes and removals: the keys and the search index stay current', async () => {
    const doc = await db.complaints.findOne(all[0]!.id).exec();
    await doc!.incrementalPatch({ status: 'CANCELLED', title: 'Parking fees at the north gate' });
    await listKeysCurrent(db);
    expect((await list({ status: 'CANCELLED' })).rows).toEqual(['1']);
    expect((await list({ search: 'parking' })).rows).toEqual(['1']);
    expect((await list({ search: 'rude' })).rows).toEqual([]);

    const gone = await db.complaints.findOne(all[3]!.id).exec();
    await gone!.remove();
    await listKeysCurrent(db);
    expect((await list({ status: 'open' })).rows).toEqual(['5', '3']);
    expect((await list({ search: 'four hours' })).rows).not.toContain('4');
    expect(searchIndexOf(db.listKeys).size).toBe(5);
  });
});
