import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeskDatabase, type DeskDatabase } from '../db/database.ts';
import { LocalStore, type HospitalLocals } from '../db/local-store.ts';
import { uniqueName } from '../testing/fixtures.ts';
import { createApi, type FetchLike } from './http.ts';
import { ReferenceBook, yearsNeedingLease } from './leasing.ts';

const june = new Date(2026, 5, 10).getTime();
const december = new Date(2026, 11, 3).getTime();

describe('which reference blocks to lease', () => {
  it('leases for this year when fewer than 20 numbers are left', () => {
    expect(yearsNeedingLease([], june)).toEqual([2026]);
    expect(yearsNeedingLease([{ year: 2026, start: 1, end: 50, next: 32 }], june)).toEqual([2026]);
    expect(yearsNeedingLease([{ year: 2026, start: 1, end: 50, next: 31 }], june)).toEqual([]);
  });

  it('leases next year in December, once', () => {
    const held = [{ year: 2026, start: 1, end: 50, next: 1 }];
    expect(yearsNeedingLease(held, december)).toEqual([2027]);
    expect(yearsNeedingLease([...held, { year: 2027, start: 1, end: 50, next: 1 }], december)).toEqual([]);
  });
});

describe('reference book', () => {
  let db: DeskDatabase | null = null;
  afterEach(async () => {
    await db?.close();
    db = null;
  });

  async function book(fetchImpl: FetchLike | null, now = june) {
    db = await createDeskDatabase({ name: uniqueName('refs'), storage: getRxStorageMemory() });
    const store = new LocalStore<HospitalLocals>(db);
    const b = new ReferenceBook({ store, deskId: 'desk-1', hospitalId: 'h1', now: () => now });
    if (fetchImpl) b.setApi(createApi({ serverUrl: 'http://127.0.0.1:9', fetch: fetchImpl }));
    return { b, store };
  }

  it('gives no number until a block is held — never an invented one', async () => {
    const { b } = await book(null);
    expect(await b.take()).toBeNull();
  });

  it('leases a block of 50 and hands out its numbers in order, never twice', async () => {
    const calls: unknown[] = [];
    let start = 101;
    const fake: FetchLike = async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as { year: number; size: number };
      calls.push(body);
      const block = { year: body.year, start, end: start + body.size - 1 };
      start += body.size;
      return new Response(JSON.stringify(block), { status: 201 });
    };
    const { b, store } = await book(fake);
    await b.replenish();
    expect(calls).toEqual([{ deskId: 'desk-1', hospitalId: 'h1', year: 2026, size: 50 }]);
    const refs = await Promise.all([b.take(), b.take(), b.take()]);
    expect(refs).toEqual(['CMP-2026-000101', 'CMP-2026-000102', 'CMP-2026-000103']);
    expect((await store.get('refBlocks'))?.blocks[0]?.next).toBe(104);
    // 47 left ≥ 20: no new lease.
    await b.replenish();
    expect(calls).toHaveLength(1);
  });

  it('keeps working from held numbers when the server cannot be reached', async () => {
    const { b, store } = await book(async () => {
      throw new TypeError('fetch failed');
    });
    await store.set('refBlocks', { blocks: [{ year: 2026, start: 7, end: 8, next: 7 }] });
    expect(await b.take()).toBe('CMP-2026-000007');
    expect(await b.take()).toBe('CMP-2026-000008');
    expect(await b.take()).toBeNull();
    await expect(b.replenish()).rejects.toThrow();
  });
});
