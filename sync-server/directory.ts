import {
  departmentDocSchema,
  hospitalDocSchema,
  slaConfigDocSchema,
  sourceDocSchema,
  staffDocSchema,
  type DepartmentDoc,
  type HospitalDoc,
  type SlaConfigDoc,
  type SourceDoc,
  type StaffDoc,
} from '../shared/documents.ts';
import type { Role, SourceKind } from '../shared/enums.ts';
import { uuidv7 } from '../shared/ids.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Tx } from './db/pool.ts';
import { writeReplicated } from './db/replicated.ts';

/**
 * Writers for the directory and reference data, used by the bootstrap, the demo loader and tests.
 * Each validates the document against its shared zod schema (so `doc` is exactly the wire
 * document) and writes it through `writeReplicated`. `now` is passed in (epoch ms).
 */

export type NewHospital = { code: string; nameEn: string; nameAr: string; now: number; id?: string; active?: boolean };

export async function createHospital(tx: Tx, h: NewHospital): Promise<HospitalDoc> {
  const id = h.id ?? uuidv7(h.now);
  const doc = hospitalDocSchema.parse({
    id,
    code: h.code,
    nameEn: h.nameEn,
    nameAr: h.nameAr,
    active: h.active ?? true,
    updatedAt: h.now,
  });
  await writeReplicated(tx, { collection: 'hospitals', id, hospitalId: id, doc });
  return doc;
}

export type NewDepartment = {
  hospitalId: string;
  code: string;
  nameEn: string;
  nameAr: string;
  now: number;
  managerId?: string | null;
  id?: string;
};

export async function createDepartment(tx: Tx, d: NewDepartment): Promise<DepartmentDoc> {
  const id = d.id ?? uuidv7(d.now);
  const doc = departmentDocSchema.parse({
    id,
    hospitalId: d.hospitalId,
    code: d.code,
    nameEn: d.nameEn,
    nameAr: d.nameAr,
    managerId: d.managerId ?? null,
    active: true,
    updatedAt: d.now,
  });
  await writeReplicated(tx, { collection: 'departments', id, hospitalId: d.hospitalId, doc });
  return doc;
}

export type NewUser = {
  username: string;
  displayName: string;
  role: Role;
  /** Null for group-level staff. */
  hospitalId: string | null;
  /** Null: a directory entry that cannot log in. */
  password: string | null;
  /** Instead of `password`, an argon2id hash made earlier (bulk loaders hash once, reuse). */
  passwordHash?: string;
  departmentId?: string | null;
  reportsToId?: string | null;
  active?: boolean;
  now: number;
  id?: string;
};

export async function createUser(tx: Tx, u: NewUser): Promise<StaffDoc> {
  const id = u.id ?? uuidv7(u.now);
  const passwordHash = u.passwordHash ?? (u.password === null ? null : await hashPassword(u.password));
  const doc = staffDocSchema.parse({
    id,
    hospitalId: u.hospitalId,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.departmentId ?? null,
    reportsToId: u.reportsToId ?? null,
    active: u.active ?? true,
    updatedAt: u.now,
  });
  await writeReplicated(tx, {
    collection: 'staff',
    id,
    hospitalId: u.hospitalId,
    doc,
    columns: { username: doc.username, password_hash: passwordHash, role: doc.role, active: doc.active },
  });
  return doc;
}

export type NewSource = { code: string; nameEn: string; nameAr: string; kind: SourceKind; now: number; id?: string };

export async function createSource(tx: Tx, s: NewSource): Promise<SourceDoc> {
  const id = s.id ?? uuidv7(s.now);
  const doc = sourceDocSchema.parse({
    id,
    code: s.code,
    nameEn: s.nameEn,
    nameAr: s.nameAr,
    kind: s.kind,
    active: true,
    updatedAt: s.now,
  });
  await writeReplicated(tx, { collection: 'sources', id, hospitalId: null, doc });
  return doc;
}

export type NewSlaConfig = Omit<SlaConfigDoc, 'id' | 'updatedAt' | 'active'> & { now: number; id?: string; active?: boolean };

export async function createSlaConfig(tx: Tx, c: NewSlaConfig): Promise<SlaConfigDoc> {
  const { now, id: givenId, active, ...rest } = c;
  const id = givenId ?? uuidv7(now);
  const doc = slaConfigDocSchema.parse({ ...rest, id, active: active ?? true, updatedAt: now });
  await writeReplicated(tx, { collection: 'slaConfigs', id, hospitalId: c.hospitalId, doc });
  return doc;
}
