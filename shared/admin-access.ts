import type { Role } from './enums.ts';

/**
 * Who may administer what — one rule for the desk (which hides what would be refused) and the
 * server (which refuses). From source document 002's roles and the SLA admin's rule:
 * - hospitals and sources are the group's reference data: the group administrator (`admin`) only;
 * - departments, staff, categories and a hospital's assignment setting: `admin` anywhere, and a
 *   PX admin or hospital admin within the hospitals they see (a hospital-level one: their own);
 * - group-level staff (no hospital) are the group administrator's alone;
 * - nobody but `admin` grants the `admin` role.
 */
export const ADMIN_RESOURCES = ['hospitals', 'sources', 'departments', 'staff', 'categories', 'assignment'] as const;
export type AdminResource = (typeof ADMIN_RESOURCES)[number];

export type AdminActor = { role: Role; hospitalId: string | null };

const GROUP_ONLY: readonly AdminResource[] = ['hospitals', 'sources'];
const HOSPITAL_ADMINS: readonly Role[] = ['px_admin', 'hospital_admin'];

/** `hospitalId`: the hospital the row belongs to, null for a group-wide row. */
export function canAdminister(actor: AdminActor, resource: AdminResource, hospitalId: string | null): boolean {
  if (actor.role === 'admin') return true;
  if (GROUP_ONLY.includes(resource) || hospitalId === null) return false;
  if (!HOSPITAL_ADMINS.includes(actor.role)) return false;
  return actor.hospitalId === null || actor.hospitalId === hospitalId;
}

/** Whether the desk shows the administration screen at all (for the hospital it is on). */
export function canOpenAdmin(actor: AdminActor, hospitalId: string): boolean {
  return ADMIN_RESOURCES.some((r) => canAdminister(actor, r, GROUP_ONLY.includes(r) ? null : hospitalId));
}

export function canGrantRole(actor: AdminActor, role: Role): boolean {
  return role !== 'admin' || actor.role === 'admin';
}
