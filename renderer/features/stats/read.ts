import { prepareQuery, type RxCollection } from 'rxdb';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import type { StatsComplaint } from '../../../shared/stats/types.ts';

/**
 * Reads what the dashboard needs in one pass per collection, straight from the storage: no
 * RxDocument per complaint, no query per complaint. On Dexie (the desk's storage) a whole table is
 * one IndexedDB getAll; any other storage (tests run on memory) answers one full query.
 */
type RawDoc = Record<string, unknown> & { _deleted?: unknown };
type DexieLike = { dexieTable?: { toArray(): Promise<RawDoc[]> } };

export async function readAllDocs(collection: RxCollection): Promise<RawDoc[]> {
  const storage = collection.storageInstance as unknown as { internals?: unknown };
  const internals = (await Promise.resolve(storage.internals).catch(() => undefined)) as DexieLike | undefined;
  const table = internals?.dexieTable;
  // Dexie keeps indexed booleans as '1'/'0' (IndexedDB cannot index booleans); `_deleted` is one.
  if (table) return (await table.toArray()).filter((d) => d._deleted !== '1' && d._deleted !== true);
  const schema = collection.storageInstance.schema;
  const primary = collection.schema.primaryPath as string;
  const query = prepareQuery(schema, { selector: { _deleted: { $eq: false } }, sort: [{ [primary]: 'asc' }], skip: 0 } as never);
  return (await collection.storageInstance.query(query)).documents as unknown as RawDoc[];
}

export function toStatsComplaint(d: ComplaintDoc): StatsComplaint {
  return {
    id: d.id,
    referenceNumber: d.referenceNumber,
    hospitalId: d.hospitalId,
    departmentId: d.departmentId,
    sourceCode: d.sourceCode,
    category: d.category,
    type: d.type,
    priority: d.priority,
    status: d.status,
    assigneeId: d.assigneeId,
    createdAt: d.createdAt,
    dueAt: d.dueAt,
    overdue: d.overdue === true || (d.overdue as unknown) === '1',
  };
}
