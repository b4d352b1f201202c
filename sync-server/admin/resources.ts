import type { z } from 'zod';
import { canGrantRole, type AdminActor, type AdminResource } from '../../shared/admin-access.ts';
import { categoryDocSchema, type CategoryDoc } from '../../shared/admin-documents.ts';
import {
  departmentDocSchema,
  hospitalDocSchema,
  sourceDocSchema,
  staffDocSchema,
  type DepartmentDoc,
  type HospitalDoc,
  type SourceDoc,
  type StaffDoc,
} from '../../shared/documents.ts';
import type { CollectionName } from '../../shared/replication.ts';
import { departmentInHospital, findHospital, staffForHospital } from '../complaints/lookups.ts';
import type { Queryable, Tx } from '../db/pool.ts';

/**
 * The directory and reference data an administrator changes (issue 6 item 6). Each resource says
 * which replicated collection it is, how a whole document is validated (the shared zod schema,
 * strict), which hospital a row belongs to for the access rule (shared/admin-access.ts), the
 * defaults of a new document, which fields never change, and the field errors the schema cannot
 * see (references to other rows, roles the actor may not grant).
 */
export type AdminDoc = HospitalDoc | DepartmentDoc | StaffDoc | SourceDoc | CategoryDoc;
export type FieldErrors = Record<string, string>;

export type AdminResourceDef<D extends AdminDoc> = {
  resource: AdminResource;
  collection: CollectionName;
  /** The URL segment: /api/v1/admin/<path>. */
  path: string;
  schema: z.ZodObject<z.ZodRawShape>;
  /** The hospital the row belongs to for access (null: the group's). */
  scope(doc: D): string | null;
  /** The replicated `hospital_id` column (hospitals are scoped by their own id). */
  rowHospitalId(doc: D): string | null;
  defaults: Partial<D>;
  immutable: readonly (keyof D & string)[];
  /** The field a unique index guards: a duplicate is reported as `taken` on it. */
  unique: keyof D & string;
  columns?(doc: D): Record<string, unknown>;
  check(q: Queryable, doc: D, actor: AdminActor): Promise<FieldErrors>;
  /** Consequences of an update beyond the row itself, in the same transaction. */
  afterUpdate?(tx: Tx, before: D, after: D): Promise<void>;
};

async function hospitalKnown(q: Queryable, hospitalId: string, fields: FieldErrors): Promise<boolean> {
  if (await findHospital(q, hospitalId)) return true;
  fields.hospitalId = 'unknown';
  return false;
}

export const hospitalsAdmin: AdminResourceDef<HospitalDoc> = {
  resource: 'hospitals',
  collection: 'hospitals',
  path: 'hospitals',
  schema: hospitalDocSchema,
  scope: () => null,
  rowHospitalId: (d) => d.id,
  defaults: { active: true },
  immutable: ['id'],
  unique: 'code',
  check: async () => ({}),
};

export const sourcesAdmin: AdminResourceDef<SourceDoc> = {
  resource: 'sources',
  collection: 'sources',
  path: 'sources',
  schema: sourceDocSchema,
  scope: () => null,
  rowHospitalId: () => null,
  defaults: { active: true, kind: 'external' },
  immutable: ['id'],
  unique: 'code',
  check: async () => ({}),
};

export const departmentsAdmin: AdminResourceDef<DepartmentDoc> = {
  resource: 'departments',
  collection: 'departments',
  path: 'departments',
  schema: departmentDocSchema,
  scope: (d) => d.hospitalId,
  rowHospitalId: (d) => d.hospitalId,
  defaults: { active: true, managerId: null },
  immutable: ['id', 'hospitalId'],
  unique: 'code',
  async check(q, doc) {
    const fields: FieldErrors = {};
    if (!(await hospitalKnown(q, doc.hospitalId, fields))) return fields;
    if (doc.managerId !== null && !(await staffForHospital(q, doc.managerId, doc.hospitalId))) fields.managerId = 'unknown';
    return fields;
  },
};

export async function revokeSessions(tx: Tx, userId: string): Promise<void> {
  await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}

async function groupStaffExists(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM users WHERE id = $1 AND hospital_id IS NULL AND NOT deleted AND active', [id]);
  return rows.length > 0;
}

export const staffAdmin: AdminResourceDef<StaffDoc> = {
  resource: 'staff',
  collection: 'staff',
  path: 'staff',
  schema: staffDocSchema,
  scope: (d) => d.hospitalId,
  rowHospitalId: (d) => d.hospitalId,
  defaults: { active: true, departmentId: null, reportsToId: null },
  immutable: ['id', 'hospitalId'],
  unique: 'username',
  // The login's columns; the password hash is set only by create and the password route.
  columns: (d) => ({ username: d.username, role: d.role, active: d.active }),
  // Deactivated or given another role: signed out everywhere (tokens carry the old role).
  async afterUpdate(tx, before, after) {
    if ((before.active && !after.active) || before.role !== after.role) await revokeSessions(tx, after.id);
  },
  async check(q, doc, actor) {
    const fields: FieldErrors = {};
    if (!canGrantRole(actor, doc.role)) fields.role = 'not_allowed';
    if (doc.hospitalId !== null && !(await hospitalKnown(q, doc.hospitalId, fields))) return fields;
    if (doc.departmentId !== null && (doc.hospitalId === null || !(await departmentInHospital(q, doc.departmentId, doc.hospitalId)))) {
      fields.departmentId = 'unknown';
    }
    if (doc.reportsToId !== null) {
      const known = doc.hospitalId === null ? await groupStaffExists(q, doc.reportsToId) : await staffForHospital(q, doc.reportsToId, doc.hospitalId);
      if (doc.reportsToId === doc.id) fields.reportsToId = 'invalid';
      else if (!known) fields.reportsToId = 'unknown';
    }
    return fields;
  },
};

export const categoriesAdmin: AdminResourceDef<CategoryDoc> = {
  resource: 'categories',
  collection: 'categories',
  path: 'categories',
  schema: categoryDocSchema,
  scope: (d) => d.hospitalId,
  rowHospitalId: (d) => d.hospitalId,
  defaults: { active: true, specialistIds: [] },
  immutable: ['id', 'hospitalId'],
  unique: 'code',
  async check(q, doc) {
    const fields: FieldErrors = {};
    if (!(await hospitalKnown(q, doc.hospitalId, fields))) return fields;
    for (const id of doc.specialistIds) {
      if (!(await staffForHospital(q, id, doc.hospitalId))) fields.specialistIds = 'unknown';
    }
    return fields;
  },
};
