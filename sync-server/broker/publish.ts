import type { TimelineEventDoc } from '../../shared/documents.ts';
import { withTx, type Pool, type Tx } from '../db/pool.ts';
import { pull } from '../replication/pull.ts';
import { readCursor, writeCursor } from './cursor.ts';
import { brokerMessage, type BrokerMessage } from './messages.ts';

/** Where messages go: publish many, then learn that the broker has stored every one of them. */
export type BrokerSink = {
  publish(message: BrokerMessage): void;
  /** Resolves once the broker confirmed everything published so far; rejects if it refused any. */
  confirmed(): Promise<void>;
};

/** One instance publishes at a time (any constant shared by every instance on this database). */
const PUBLISHER_LOCK_KEY = 0x0b_70_4e_12;
export const PAGE_SIZE = 500;

export type PublishRound = { published: number; more: boolean; standby: boolean };

async function referencesOf(tx: Tx, events: readonly TimelineEventDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(events.map((e) => e.complaintId))];
  const { rows } = await tx.query<{ id: string; ref: string | null }>(`SELECT id, doc->>'referenceNumber' AS ref FROM complaints WHERE id = ANY($1::text[])`, [ids]);
  return new Map(rows.flatMap((r) => (r.ref ? [[r.id, r.ref] as const] : [])));
}

/**
 * One round: up to a page of every hospital's events after the cursor, handed to the broker, and
 * the cursor moved past them only once the broker confirmed them — in the transaction that holds
 * the publisher lock, so a crash at any point leaves the cursor before whatever was not confirmed
 * (those events go again, with the same message ids: at least once, never lost). Another
 * instance holding the lock makes this one a standby for the round.
 */
export async function publishRound(pool: Pool, sink: BrokerSink): Promise<PublishRound> {
  return withTx(pool, async (tx) => {
    const { rows: lock } = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [PUBLISHER_LOCK_KEY]);
    if (!lock[0]?.ok) return { published: 0, more: false, standby: true };
    const cursor = await readCursor(tx);
    const { rows: hospitals } = await tx.query<{ id: string; code: string }>('SELECT id, doc->>\'code\' AS code FROM hospitals ORDER BY id');
    let published = 0;
    let more = false;
    for (const h of hospitals) {
      const page = await pull(tx, 'events', { hospitalId: h.id, seq: cursor[h.id] ?? 0, limit: PAGE_SIZE }, '');
      if (page.documents.length === 0) continue;
      const refs = await referencesOf(tx, page.documents);
      for (const { _deleted: _, ...event } of page.documents) sink.publish(brokerMessage(event, h.code, refs.get(event.complaintId) ?? null));
      published += page.documents.length;
      more ||= page.documents.length === PAGE_SIZE;
      cursor[h.id] = page.checkpoint.seq;
    }
    if (published === 0) return { published, more, standby: false };
    await sink.confirmed();
    await writeCursor(tx, cursor);
    return { published, more, standby: false };
  });
}
