import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDeskDatabase } from '../../renderer/db/database.ts';
import { replicationPaths, type CollectionName, type PullResponse } from '../../shared/replication.ts';

/**
 * The baseline of the sync benchmark: the desk's own RxDB setup (renderer/db/database.ts, same
 * schemas, same Dexie storage, same Chromium) taking the same documents by a plain `bulkInsert`,
 * with no network and no replication protocol. Driven by bench/sync.ts through `window.bench`.
 */
type Doc = Record<string, unknown>;
const loaded: Record<'complaints' | 'events', Doc[]> = { complaints: [], events: [] };

async function fetchAll(server: string, token: string, hospitalId: string, collection: CollectionName): Promise<Doc[]> {
  const out: Doc[] = [];
  let seq = 0;
  for (;;) {
    const q = new URLSearchParams({ hospitalId, seq: String(seq), limit: '2000' });
    const res = await fetch(`${server}${replicationPaths.pull(collection)}?${q.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`pull ${collection} → ${res.status}`);
    const body = (await res.json()) as PullResponse<typeof collection>;
    for (const d of body.documents) {
      const { _deleted: _ignored, ...doc } = d as Doc & { _deleted: boolean };
      out.push(doc);
    }
    if (body.documents.length === 0) return out;
    seq = body.checkpoint.seq;
  }
}

const bench = {
  async load(server: string, token: string, hospitalId: string): Promise<{ complaints: number; events: number }> {
    loaded.complaints = await fetchAll(server, token, hospitalId, 'complaints');
    loaded.events = await fetchAll(server, token, hospitalId, 'events');
    return { complaints: loaded.complaints.length, events: loaded.events.length };
  },
  /** Milliseconds for bulkInsert of everything loaded into a fresh database, and the counts after. */
  async bulkInsert(): Promise<{ ms: number; complaints: number; events: number }> {
    const db = await createDeskDatabase({ name: `benchbulk${Date.now()}`, storage: getRxStorageDexie() });
    try {
      const t0 = performance.now();
      const c = await db.complaints.bulkInsert(loaded.complaints as never[]);
      const e = await db.events.bulkInsert(loaded.events as never[]);
      const ms = performance.now() - t0;
      if (c.error.length > 0 || e.error.length > 0) {
        throw new Error(`bulkInsert errors: ${JSON.stringify([...c.error, ...e.error].slice(0, 3))}`);
      }
      const complaints = await db.complaints.count().exec();
      const events = await db.events.count().exec();
      return { ms, complaints, events };
    } finally {
      await db.remove();
    }
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
