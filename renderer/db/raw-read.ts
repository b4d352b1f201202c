import type { RxCollection, RxDocumentData } from 'rxdb';

/**
 * Reads a collection's live documents in primary-key order, `limit` after `afterId`, as stored
 * (no RxDocument objects). For building in-memory structures over a whole collection.
 *
 * On Dexie (the desk's storage) this reads through Dexie's table with `getAll` on a key range:
 * RxDB's own queries walk an IndexedDB cursor one record per round trip, about ten times slower
 * for a full read of 100,000 documents (measured in Chromium). Dexie keeps indexed booleans as
 * '1'/'0'; they are turned back here, as RxDB's Dexie storage does. Other storages (the unit
 * tests' memory storage) use an ordinary query.
 */
type RawTable = {
  where(index: string): { above(key: string): { limit(n: number): { toArray(): Promise<Record<string, unknown>[]> } } };
};
type DexieState = { dexieTable: RawTable; booleanIndexes: string[] };

async function dexieState(collection: RxCollection): Promise<DexieState | null> {
  const original = (collection.storageInstance as unknown as { originalStorageInstance?: { internals?: unknown } }).originalStorageInstance;
  const internals = original?.internals;
  if (!internals || typeof (internals as Promise<unknown>).then !== 'function') return null;
  const state = (await internals) as Partial<DexieState>;
  return state.dexieTable && Array.isArray(state.booleanIndexes) ? (state as DexieState) : null;
}

export async function readLivePage<T>(collection: RxCollection<T>, afterId: string, limit: number): Promise<{ docs: RxDocumentData<T>[]; lastId: string | null }> {
  const primary = collection.schema.primaryPath as string;
  const state = await dexieState(collection as RxCollection);
  if (state) {
    const rows = await state.dexieTable.where(primary).above(afterId).limit(limit).toArray();
    const docs: RxDocumentData<T>[] = [];
    for (const row of rows) {
      if (row._deleted === '1' || row._deleted === true) continue;
      for (const field of state.booleanIndexes) if (field !== '_deleted') row[field] = row[field] === '1';
      row._deleted = false;
      docs.push(row as RxDocumentData<T>);
    }
    const last = rows[rows.length - 1];
    return { docs, lastId: rows.length < limit || !last ? null : String(last[primary]) };
  }
  const found = await collection.find({ selector: { [primary]: { $gt: afterId } }, sort: [{ [primary]: 'asc' }], limit } as never).exec();
  const docs = found.map((d) => d.toMutableJSON(true) as RxDocumentData<T>);
  const last = found[found.length - 1];
  return { docs, lastId: found.length < limit || !last ? null : String(last.primary) };
}
