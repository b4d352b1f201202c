import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase, type DeskDatabase } from '../../db/database.ts';
import { complaint, uniqueName } from '../../testing/fixtures.ts';
import { loadNewestPage } from './list-query.ts';

let db: DeskDatabase;
beforeAll(async () => {
  db = await createDeskDatabase({ name: uniqueName('list'), storage: getRxStorageMemory() });
  await db.complaints.bulkInsert([
    complaint(0, { title: 'Rude reception staff' }),
    complaint(1, { status: 'RESOLVED', complainant: { name: 'Noura Al-Harbi', phone: null, email: null, language: 'ar', smsOptOut: false } }),
    complaint(2, { title: 'Parking (cost) too high' }),
    complaint(3, { status: 'RESOLVED' }),
    complaint(4),
  ]);
});
afterAll(async () => {
  await db.close();
});

describe('complaint list query', () => {
  it('shows the newest first, bounded to the page size, with the total', async () => {
    const page = await loadNewestPage(db.complaints, { status: '', search: '' }, 3);
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.title)).toEqual(['Complaint number 4', 'Complaint number 3', 'Parking (cost) too high']);
  });

  it('filters by status', async () => {
    const page = await loadNewestPage(db.complaints, { status: 'RESOLVED', search: '' }, 10);
    expect(page.rows.map((r) => r.referenceNumber)).toEqual(['CMP-2026-000004', 'CMP-2026-000002']);
  });

  it('searches reference, complainant name and title, case-insensitively and literally', async () => {
    const find = async (search: string) =>
      (await loadNewestPage(db.complaints, { status: '', search }, 10)).rows.map((r) => r.referenceNumber);
    expect(await find('cmp-2026-000003')).toEqual(['CMP-2026-000003']);
    expect(await find('noura')).toEqual(['CMP-2026-000002']);
    expect(await find('RUDE')).toEqual(['CMP-2026-000001']);
    expect(await find('(cost)')).toEqual(['CMP-2026-000003']);
    expect(await find('nothing like this')).toEqual([]);
    expect((await loadNewestPage(db.complaints, { status: 'RESOLVED', search: 'noura' }, 10)).total).toBe(1);
  });
});
