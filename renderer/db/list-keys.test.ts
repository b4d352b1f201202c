import { describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { complaint, uniqueName } from '../testing/fixtures.ts';
import { createDeskDatabase, listKeysCurrent } from './database.ts';
import { deriveListKeys, dueKeyOf, newestBound, newestKeyOf, priorityKeyOf } from './list-keys.ts';

describe('list keys', () => {
  it('stand for nulls with "" and keep the filter fields', () => {
    const k = deriveListKeys(complaint(1, { status: 'WAITING_USER', overdue: true, category: null, departmentId: null, assigneeId: 'u9' }));
    expect(k).toMatchObject({ status: 'WAITING_USER', open: true, overdue: true, category: '', departmentId: '', assigneeId: 'u9' });
    expect(deriveListKeys(complaint(2, { status: 'RESOLVED' })).open).toBe(false);
    expect(k.tokens.split(' ')).toContain('cmp-2026-000002'.split('-')[2]);
  });

  it('sort due times ascending with "no due time" last, ties by id', () => {
    const keys = [dueKeyOf(null, 'a'), dueKeyOf(5_000, 'b'), dueKeyOf(40, 'c'), dueKeyOf(40, 'a'), dueKeyOf(1_700_000_000_000, 'z')];
    expect([...keys].sort()).toEqual([dueKeyOf(40, 'a'), dueKeyOf(40, 'c'), dueKeyOf(5_000, 'b'), dueKeyOf(1_700_000_000_000, 'z'), dueKeyOf(null, 'a')]);
  });

  it('sort newest first in ascending order, and bound a creation date range', () => {
    const older = newestKeyOf(1_000, 'x');
    const newer = newestKeyOf(2_000, 'x');
    expect(newer < older).toBe(true);
    // Created at or after 1,500: strictly below the bound of 1,500 followed by the highest id.
    expect(newer < `${newestBound(1_500)}\uffff`).toBe(true);
    expect(older < `${newestBound(1_500)}\uffff`).toBe(false);
  });

  it('sort by priority rank (urgent first), then due time', () => {
    const keys = [priorityKeyOf('low', 1, 'a'), priorityKeyOf('urgent', 9, 'b'), priorityKeyOf('high', null, 'c'), priorityKeyOf('urgent', 2, 'd')];
    expect([...keys].sort()).toEqual([keys[3], keys[1], keys[2], keys[0]]);
  });
});

describe('list keys indexer', () => {
  it('catches up after a reopen with what was written while it was not following', async () => {
    const storage = getRxStorageMemory();
    const name = uniqueName('keys');
    const first = await createDeskDatabase({ name, storage });
    await first.complaints.bulkInsert([complaint(1), complaint(2), complaint(3)]);
    // Closed at once: the indexer may be anywhere in its batch.
    await first.close();

    const again = await createDeskDatabase({ name, storage });
    try {
      await again.complaints.insert(complaint(4, { status: 'CLOSED' }));
      await listKeysCurrent(again);
      expect(await again.listKeys.count().exec()).toBe(4);
      expect(await again.listKeys.count({ selector: { open: true } }).exec()).toBe(3);
    } finally {
      await again.close();
    }
  });
});
