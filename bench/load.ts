import { complaintDocSchema, UNCONFIRMED_SERVER_FIELDS, type ComplaintDoc, type TimelineEventDoc } from '../shared/documents.ts';
import { CHANNELS, COMPLAINT_STATUSES, PRIORITIES, SEVERITIES } from '../shared/enums.ts';
import { newTrackingSecret, uuidv7 } from '../shared/ids.ts';
import { formatReference } from '../shared/reference-number.ts';
import { leaseBlock } from '../sync-server/complaints/references.ts';
import { dueAtOf, slaContext } from '../sync-server/complaints/sla.ts';
import { apiCreatedEvent } from '../sync-server/complaints/create.ts';
import { complaintColumns } from '../sync-server/complaints/store.ts';
import { createPool, withTx, type Tx } from '../sync-server/db/pool.ts';
import { notifyChange } from '../sync-server/db/replicated.ts';

/**
 * Loads `n` complaints of one hospital, each with its `created` event, into the server's database.
 *
 * Honest note: this does NOT go through `writeReplicated` row by row (200,000 single-row
 * transactions each taking the seq lock would take minutes on the reference machine). It is a
 * bulk SQL insert built to produce exactly the rows `writeReplicated` would write: the same `doc`
 * jsonb (the zod-validated wire document, built like `complaints/create.ts` builds one), the same
 * extra columns (`complaintColumns` from the server's store, the event columns of `writeEvent`),
 * `deleted = false`, and `seq` from `nextval('repl_seq')` under the same advisory lock, with one
 * `pg_notify` per batch. Reference numbers come from a real block leased with the server's
 * `leaseBlock`, and due times from the server's own SLA code.
 */
const BATCH = 5_000;
export const SEQ_LOCK_KEY = 0x5e9_10c; // the constant of sync-server/db/replicated.ts

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

export type LoadResult = { complaints: number; events: number; ms: number };

export async function loadComplaints(
  dbUrl: string,
  opts: { n: number; hospitalId: string; actor: { id: string; displayName: string }; now: number },
): Promise<LoadResult> {
  const started = Date.now();
  const pool = createPool(dbUrl, 2);
  try {
    const year = new Date(opts.now).getUTCFullYear();
    const { block, sla } = await withTx(pool, async (tx) => ({
      block: await leaseBlock(tx, {
        year,
        size: opts.n,
        deskId: 'bench-loader',
        hospitalId: opts.hospitalId,
        leasedBy: opts.actor.id,
        now: opts.now,
      }),
      sla: await slaContext(tx, opts.hospitalId),
    }));
    const sources = ['PATIENT', 'FAMILY', 'MOH', 'CCHI'];
    for (let from = 0; from < opts.n; from += BATCH) {
      const complaints: ComplaintDoc[] = [];
      const events: TimelineEventDoc[] = [];
      for (let i = from; i < Math.min(opts.n, from + BATCH); i++) {
        // Spread over the last 90 days, oldest first, as a real hospital's history would be.
        const createdAt = opts.now - Math.floor(((opts.n - i) / opts.n) * 90 * 86_400_000);
        const draft: ComplaintDoc = {
          id: uuidv7(createdAt),
          hospitalId: opts.hospitalId,
          departmentId: null,
          referenceNumber: formatReference(year, block.start + i),
          sourceCode: pick(sources, i),
          channel: pick(CHANNELS, i * 7),
          type: i % 23 === 0 ? 'appreciation' : 'complaint',
          title: `Bench complaint ${i}: waiting time in clinic ${i % 40}`,
          description: `Complaint number ${i} loaded for the sync benchmark. The patient waited a long time and nobody explained why.`,
          category: i % 3 === 0 ? 'waiting_time' : null,
          severity: pick(SEVERITIES, i * 3),
          priority: pick(PRIORITIES, i * 5),
          status: pick(COMPLAINT_STATUSES, i * 11),
          assigneeId: null,
          complainant: {
            name: `Complainant ${i}`,
            phone: `+96650${String(1_000_000 + (i % 8_999_999)).padStart(7, '0')}`,
            email: null,
            language: i % 4 === 0 ? 'en' : 'ar',
            smsOptOut: false,
          },
          patient: null,
          resolution: null,
          trackingSecret: newTrackingSecret(),
          deskId: 'server',
          createdAt,
          createdBy: opts.actor.id,
          updatedAt: createdAt,
          updatedBy: opts.actor.id,
          ...UNCONFIRMED_SERVER_FIELDS,
          referenceConfirmed: true,
          trackingConfirmed: true,
        };
        const doc = complaintDocSchema.parse({ ...draft, dueAt: dueAtOf(draft, sla) });
        complaints.push(doc);
        events.push(apiCreatedEvent(doc, opts.actor, doc.createdAt));
      }
      await withTx(pool, (tx) => insertLoadBatch(tx, opts.hospitalId, complaints, events));
      process.stderr.write(`\rbench: loaded ${Math.min(opts.n, from + BATCH)}/${opts.n} complaints`);
    }
    process.stderr.write('\n');
    return { complaints: opts.n, events: opts.n, ms: Date.now() - started };
  } finally {
    await pool.end();
  }
}

/** One INSERT per batch; `jsonb_populate_recordset` types every column as the table declares it. */
/** One batch of complaints and their events, as writeReplicated would write them (see the top). */
export async function insertLoadBatch(tx: Tx, hospitalId: string, complaints: readonly ComplaintDoc[], events: readonly TimelineEventDoc[]): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQ_LOCK_KEY]);
  await insertRows(tx, 'complaints', complaints.map((d) => ({ id: d.id, hospital_id: d.hospitalId, doc: d, deleted: false, ...complaintColumns(d) })));
  await insertRows(
    tx,
    'events',
    events.map((e) => ({ id: e.id, hospital_id: e.hospitalId, doc: e, deleted: false, complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility })),
  );
  await notifyChange(tx, 'complaints', hospitalId);
  await notifyChange(tx, 'events', hospitalId);
}

export async function insertRows(tx: Tx, table: 'complaints' | 'events', rows: Record<string, unknown>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const names = Object.keys(first);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}, seq)
     SELECT ${names.map((n) => `r.${n}`).join(', ')}, nextval('repl_seq')
     FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
}
