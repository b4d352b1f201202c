import type { ReferenceBlock } from '../../shared/reference-number.ts';
import { formatReference, parseReference } from '../../shared/reference-number.ts';
import type { Queryable, Tx } from '../db/pool.ts';

/**
 * Group-wide reference numbers. One counter row per year; the upsert takes the row lock, so two
 * leases (from any desk, hospital or server instance) always get disjoint ranges. Gaps are fine,
 * duplicates are not.
 */
async function reserve(q: Queryable, year: number, size: number): Promise<{ start: number; end: number }> {
  const { rows } = await q.query<{ next: number }>(
    `INSERT INTO reference_counters (year, next) VALUES ($1, $2 + 1)
     ON CONFLICT (year) DO UPDATE SET next = reference_counters.next + $2
     RETURNING next`,
    [year, size],
  );
  const next = rows[0]?.next;
  if (next === undefined) throw new Error('reference counter returned nothing');
  return { start: next - size, end: next - 1 };
}

export type LeaseInput = {
  year: number;
  size: number;
  deskId: string;
  hospitalId: string;
  leasedBy: string;
  now: number;
};

export async function leaseBlock(tx: Tx, input: LeaseInput): Promise<ReferenceBlock> {
  const { start, end } = await reserve(tx, input.year, input.size);
  await tx.query(
    `INSERT INTO reference_blocks (year, start_n, end_n, desk_id, hospital_id, leased_by, leased_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [input.year, start, end, input.deskId, input.hospitalId, input.leasedBy, input.now],
  );
  return { year: input.year, start, end };
}

/** One number for a complaint the server creates itself (integration API). */
export async function takeServerReference(q: Queryable, year: number): Promise<string> {
  const { start } = await reserve(q, year, 1);
  return formatReference(year, start);
}

/** True when the reference lies in a block leased to the hospital. */
export async function isLeasedTo(q: Queryable, reference: string, hospitalId: string): Promise<boolean> {
  const parsed = parseReference(reference);
  // Only the canonical spelling: CMP-2026-0000001 would otherwise duplicate CMP-2026-000001.
  if (!parsed || formatReference(parsed.year, parsed.n) !== reference) return false;
  const { rows } = await q.query(
    `SELECT 1 FROM reference_blocks WHERE hospital_id = $1 AND year = $2 AND start_n <= $3 AND end_n >= $3 LIMIT 1`,
    [hospitalId, parsed.year, parsed.n],
  );
  return rows.length > 0;
}
