import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { complaintSearchTokens, matchesQuery, parseQuery } from '../../../shared/search.ts';
import { createDeskDatabase, listKeysCurrent, type DeskDatabase } from '../../db/database.ts';
import { complaint, uniqueName } from '../../testing/fixtures.ts';
import { searchIndexOf } from './search-index.ts';

/** Words with their spelling variants, so random titles and queries meet each other often. */
const WORDS = ['مستشفى', 'مستشفي', 'الأمل', 'امل', 'بالأمل', 'المسؤول', 'مسئول', 'الطوارئ', 'طوارىء', 'صيدلية', 'Waiting', 'waited', 'clinic', 'Rude', 'pharmacy'];
const QUERIES = [...WORDS, 'مست', 'مس', 'wa', 'cl', 'الا', 'ph', 'مستشفى الأمل', 'rude clinic', 'zzz'];

let db: DeskDatabase;
let docs: ComplaintDoc[];

beforeAll(async () => {
  db = await createDeskDatabase({ name: uniqueName('search'), storage: getRxStorageMemory() });
  const titles = fc.sample(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), { numRuns: 120, seed: 42 });
  docs = titles.map((words, i) => complaint(i, { title: `${words.join(' ')} ${i}`, description: i % 3 === 0 ? 'Waited at the pharmacy' : '' }));
  await db.complaints.bulkInsert(docs);
  await listKeysCurrent(db);
});
afterAll(async () => {
  await db.close();
});

describe('search index', () => {
  it('finds exactly what the reference match finds, in the order asked', async () => {
    const index = searchIndexOf(db.listKeys);
    await index.ready;
    const tokens = new Map(docs.map((d) => [d.id, complaintSearchTokens(d)]));
    for (const q of QUERIES) {
      const terms = parseQuery(q);
      const expected = docs.filter((d) => matchesQuery(tokens.get(d.id)!, terms)).map((d) => d.id);
      const found = index.search(terms, () => true, 'newestKey');
      expect([...found].sort(), q).toEqual([...expected].sort());
      // Newest first: ids are time-ordered, so the reverse of their order.
      expect(found, q).toEqual([...expected].reverse());
    }
  });

  it('follows edits and removals after it is built', async () => {
    const index = searchIndexOf(db.listKeys);
    await index.ready;
    const doc = await db.complaints.findOne(docs[0]!.id).exec();
    await doc!.incrementalPatch({ title: 'Parking at the north gate' });
    await (await db.complaints.findOne(docs[1]!.id).exec())!.remove();
    await listKeysCurrent(db);
    expect(index.search(parseQuery('parking north'), () => true, 'dueKey')).toEqual([docs[0]!.id]);
    expect(index.search(parseQuery(docs[1]!.title), () => true, 'dueKey')).not.toContain(docs[1]!.id);
    expect(index.size).toBe(docs.length - 1);
  });
});
