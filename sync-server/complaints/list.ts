import type { z } from 'zod';
import type { SessionUser, listQuerySchema } from '../../shared/api.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import type { Queryable } from '../db/pool.ts';
import { complaintDocSchema } from '../../shared/documents.ts';
import { pick } from './store.ts';

/**
 * `GET /api/v1/complaints` filtering, newest first, only ever over the caller's hospitals.
 * `assignee=none` lists unassigned complaints; `q` matches the reference number, the
 * complainant's name and the title (case-insensitive substring).
 */
export type ListQuery = z.infer<typeof listQuerySchema>;
export type ListResult = { docs: ComplaintDoc[]; total: number };

const KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listComplaints(q: Queryable, user: SessionUser, query: ListQuery): Promise<ListResult> {
  const where: string[] = ['NOT deleted'];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (user.hospitalId !== null) {
    // A hospital user asking for another hospital gets nothing, not an error about it.
    if (query.hospitalId !== undefined && query.hospitalId !== user.hospitalId) return { docs: [], total: 0 };
    add((p) => `hospital_id = ${p}`, user.hospitalId);
  } else if (query.hospitalId !== undefined) {
    add((p) => `hospital_id = ${p}`, query.hospitalId);
  }
  if (query.status) add((p) => `status = ${p}`, query.status);
  if (query.priority) add((p) => `priority = ${p}`, query.priority);
  if (query.source) add((p) => `source_code = ${p}`, query.source);
  if (query.assignee === 'none') where.push('assignee_id IS NULL');
  else if (query.assignee) add((p) => `assignee_id = ${p}`, query.assignee);
  if (query.overdue) add((p) => `overdue = ${p}`, query.overdue === 'true');
  const text = query.q?.trim();
  if (text) {
    add((p) => `(reference_number ILIKE ${p} OR complainant_name ILIKE ${p} OR title ILIKE ${p})`, likePattern(text));
  }
  const whereSql = where.join(' AND ');
  const { rows: countRows } = await q.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM complaints WHERE ${whereSql}`,
    params,
  );
  const offset = (query.page - 1) * query.limit;
  const n = params.length;
  const { rows } = await q.query<{ doc: unknown }>(
    `SELECT doc FROM complaints WHERE ${whereSql}
     ORDER BY created_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, query.limit, offset],
  );
  return { docs: rows.map((r) => pick<ComplaintDoc>(r.doc, KEYS)), total: countRows[0]?.total ?? 0 };
}
