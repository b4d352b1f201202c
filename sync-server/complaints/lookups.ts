import type { HospitalDoc } from '../../shared/documents.ts';
import type { Queryable } from '../db/pool.ts';

/** Directory look-ups the integration API validates against (rows written by the core). */

export async function findHospital(q: Queryable, id: string): Promise<HospitalDoc | null> {
  const { rows } = await q.query<{ doc: HospitalDoc }>('SELECT doc FROM hospitals WHERE id = $1 AND NOT deleted', [id]);
  return rows[0]?.doc ?? null;
}

export async function sourceExists(q: Queryable, code: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM sources WHERE doc->>'code' = $1 AND NOT deleted AND (doc->>'active')::boolean`,
    [code],
  );
  return rows.length > 0;
}

export async function departmentInHospital(q: Queryable, id: string, hospitalId: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM departments WHERE id = $1 AND hospital_id = $2 AND NOT deleted AND (doc->>'active')::boolean`,
    [id, hospitalId],
  );
  return rows.length > 0;
}

/** An active staff member who may work on the hospital's complaints (its own or group-level). */
export async function staffForHospital(q: Queryable, id: string, hospitalId: string): Promise<{ displayName: string } | null> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT doc->>'displayName' AS name FROM users
     WHERE id = $1 AND (hospital_id = $2 OR hospital_id IS NULL) AND NOT deleted AND active`,
    [id, hospitalId],
  );
  const row = rows[0];
  return row ? { displayName: row.name } : null;
}
