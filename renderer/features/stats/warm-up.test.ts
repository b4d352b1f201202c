import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase, type DeskDatabase } from '../../db/database.ts';
import { complaint, uniqueName } from '../../testing/fixtures.ts';
import { statsCacheFor } from './cache.ts';
import { keepDashboardWarm } from './warm-up.ts';
import { until } from '../../testing/until.ts';

let dbs: DeskDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((d) => d.close()));
  dbs = [];
});

describe('keepDashboardWarm', () => {
  it('computes once the data has settled, not for every small change, and again once the data has grown by half', async () => {
    const db = await createDeskDatabase({ name: uniqueName('warm'), storage: getRxStorageMemory() });
    dbs.push(db);
    await db.complaints.bulkInsert([1, 2, 3, 4].map((n) => complaint(n)));
    const warmed: number[] = [];
    const stop = keepDashboardWarm(statsCacheFor(db), { now: () => Date.now(), quietMs: 150, minComplaints: 3, whenIdle: (w) => w(), onWarm: (n) => warmed.push(n) });
    await until(() => warmed.length === 1);
    expect(warmed).toEqual([4]);

    // One more complaint (not half as many again): nothing to warm.
    await db.complaints.insert(complaint(5));
    await until(() => statsCacheFor(db).complaints.size === 5);
    await new Promise((r) => setTimeout(r, 400));
    expect(warmed).toEqual([4]);

    // A batch that takes it past half as many again, arriving in pieces: one warm-up after the last piece.
    for (const n of [6, 7]) await db.complaints.insert(complaint(n));
    await until(() => warmed.length === 2);
    expect(warmed).toEqual([4, 7]);

    stop();
    await db.complaints.bulkInsert([8, 9, 10, 11, 12, 13, 14].map((n) => complaint(n)));
    await new Promise((r) => setTimeout(r, 400));
    expect(warmed).toEqual([4, 7]);
  });
});
