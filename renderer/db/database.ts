import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { COLLECTION_NAMES, type CollectionName, type DocOf } from '../../shared/replication.ts';
import { rxSchemaFor } from '../../shared/rx-schemas.ts';
import { statsCacheFor } from '../features/stats/cache.ts';
import { keepDashboardWarm } from '../features/stats/warm-up.ts';
import { ListKeysIndexer } from './list-indexer.ts';
import { LIST_KEYS_SCHEMA, type ListKeysDoc } from './list-keys.ts';

// Registering a plugin twice is a no-op in RxDB, so this is safe in every importer.
addRxPlugin(RxDBLocalDocumentsPlugin);

export type DeskCollections = { [C in CollectionName]: RxCollection<DocOf<C>> } & {
  /** Desk-local, never replicated: the complaint list's filter, sort and search keys (list-keys.ts). */
  listKeys: RxCollection<ListKeysDoc>;
};
/** One hospital's replicated data plus its hospital-scoped local documents (see local-store.ts). */
export type DeskDatabase = RxDatabase<DeskCollections>;
/** The workstation's own database: no collections, only local documents (desk id, logins). */
export type DeviceDatabase = RxDatabase<Record<string, never>>;

// eslint-style escape hatch: the storage's internals differ per implementation.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStorage = RxStorage<any, any>;

export type DatabaseOptions = {
  name: string;
  storage: AnyStorage;
  /** React's development double-mount would otherwise open the same database twice. */
  closeDuplicates?: boolean;
};

const indexers = new WeakMap<DeskDatabase, ListKeysIndexer>();

/** Resolves once every complaint written so far has its list keys (list-indexer.ts). */
export function listKeysCurrent(db: DeskDatabase): Promise<void> {
  return indexers.get(db)?.whenCurrent() ?? Promise.resolve();
}

/** IndexedDB database names allow more, but RxDB wants lowercase letters, digits and a few marks. */
export function databaseNameFor(prefix: string, id: string): string {
  return `${prefix}${id.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}

export async function createDeskDatabase(options: DatabaseOptions): Promise<DeskDatabase> {
  const db = await createRxDatabase<DeskCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: false,
    eventReduce: true,
    localDocuments: true,
    // A count the index alone cannot answer reads every match; the complaint list only asks for
    // counts its index answers (features/list/query-plan.ts `countable`), other screens may ask more.
    allowSlowCount: true,
    closeDuplicates: options.closeDuplicates ?? false,
  });
  try {
    const creators = Object.fromEntries([
      ...COLLECTION_NAMES.map((name) => [name, { schema: rxSchemaFor(name) as unknown as RxJsonSchema<DocOf<typeof name>> }]),
      ['listKeys', { schema: LIST_KEYS_SCHEMA }],
    ]);
    await db.addCollections(creators as Parameters<DeskDatabase['addCollections']>[0]);
  } catch (error) {
    await db.close();
    throw error;
  }
  // Like a database trigger: the list keys follow the complaints for as long as the database is open.
  const indexer = new ListKeysIndexer(db.complaints, db.listKeys, db);
  indexers.set(db, indexer);
  db.onClose.push(() => indexer.stop());
  indexer.start();
  // The same for the statistics dashboard's input, so the dashboard opens by computing from memory,
  // with the computation's code already compiled.
  const stats = statsCacheFor(db);
  void stats.start().catch(() => undefined);
  db.onClose.push(keepDashboardWarm(stats, { now: () => Date.now() }));
  return db;
}

export async function createDeviceDatabase(options: DatabaseOptions): Promise<DeviceDatabase> {
  return createRxDatabase<Record<string, never>>({
    name: options.name,
    storage: options.storage,
    multiInstance: false,
    eventReduce: true,
    localDocuments: true,
    closeDuplicates: options.closeDuplicates ?? false,
  });
}
