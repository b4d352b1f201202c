import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { DeskWriter } from '../../data/writer.ts';
import { createDeskDatabase, type DeskDatabase } from '../../db/database.ts';
import { Outbox } from '../../sync/outbox.ts';
import { complaint, staff, uniqueName } from '../../testing/fixtures.ts';
import { runBulk } from './apply.ts';

let db: DeskDatabase;
let outbox: Outbox;
const cs: ComplaintDoc[] = [complaint(1, { status: 'RESOLVED' }), complaint(2), complaint(3, { status: 'RESOLVED' })];

beforeAll(async () => {
  db = await createDeskDatabase({ name: uniqueName('bulk'), storage: getRxStorageMemory() });
  await db.complaints.bulkInsert(cs);
  await db.staff.insert(staff);
  outbox = new Outbox();
});
afterAll(async () => {
  await db.close();
});

describe('running a bulk action on the desk', () => {
  it('writes the allowed rows with their timeline events into the outbox and leaves the refused row alone', async () => {
    const progress: number[] = [];
    const rows = await runBulk(
      { db, writer: new DeskWriter(db, outbox), actor: { id: 'admin1', role: 'admin', departmentId: null, displayName: 'Admin' } },
      cs.map((c) => c.id),
      { kind: 'close', comment: 'Closed after the survey' },
      Date.UTC(2026, 5, 1),
      (done) => progress.push(done),
    );
    expect(rows.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['ok', 'not_allowed', 'ok']);
    expect(progress).toEqual([1, 2, 3]);
    const stored = await db.complaints.findByIds(cs.map((c) => c.id)).exec();
    expect(cs.map((c) => stored.get(c.id)?.status)).toEqual(['CLOSED', 'PENDING', 'CLOSED']);
    const events = await db.events.find({ selector: { type: 'status_changed' } }).exec();
    expect(events.map((e) => e.complaintId).sort()).toEqual([cs[0]!.id, cs[2]!.id].sort());
    expect(events.every((e) => e.comment === 'Closed after the survey')).toBe(true);
    // Two complaints and two events wait for the server.
    expect(outbox.count).toBe(4);
  });
});
