import type { CategoryDoc } from '../../../shared/admin-documents.ts';
import type { DepartmentDoc, HospitalDoc, SourceDoc, StaffDoc } from '../../../shared/documents.ts';
import { ROLES, SOURCE_KINDS } from '../../../shared/enums.ts';
import type { AdminDocResource } from './api.ts';
import type { AdminFieldError, AdminFieldErrors } from './errors.ts';

/**
 * The administration forms as data: which controls each kind of row has, its starting values,
 * and the desk's own check of what was typed (the same bounds as the shared zod schemas), which
 * gives the body to send or a problem per field. Pure, so it is tested without a browser.
 */
export type FormValue = string | boolean | string[];
export type FormState = Record<string, FormValue>;
export type ControlKind = 'text' | 'check' | 'select' | 'multi' | 'password';
/** `choices` names the option list the page supplies (departments, staff, roles, kinds). */
export type FieldSpec = { name: string; kind: ControlKind; choices?: ChoiceList; createOnly?: boolean };
export type ChoiceList = 'roles' | 'kinds' | 'departments' | 'staff' | 'agents';
export type Checked = { ok: true; body: Record<string, unknown> } | { ok: false; fields: AdminFieldErrors };

export type AdminDocOf = { hospitals: HospitalDoc; sources: SourceDoc; departments: DepartmentDoc; staff: StaffDoc; categories: CategoryDoc };
export type AnyAdminDoc = AdminDocOf[AdminDocResource];

export type AdminKind = {
  resource: AdminDocResource;
  /** Test ids `admin-<kind>-…` and labels `admin.<kind>.…`. */
  kind: string;
  /** Rows of one hospital (the desk's): the create body carries its id. */
  perHospital: boolean;
  fields: readonly FieldSpec[];
  initial(doc: AnyAdminDoc | null): FormState;
  check(form: FormState, isNew: boolean): Checked;
};

const CODE = /^[A-Za-z0-9_-]+$/;

class Reader {
  readonly fields: AdminFieldErrors = {};
  constructor(private readonly form: FormState) {}
  private fail(name: string, e: AdminFieldError) {
    if (!(name in this.fields)) this.fields[name] = e;
  }
  text(name: string, max: number, opts: { required?: boolean; code?: boolean } = {}): string {
    const v = String(this.form[name] ?? '').trim();
    if (v === '' && opts.required !== false) this.fail(name, 'required');
    else if (v.length > max) this.fail(name, 'too_long');
    else if (opts.code && !CODE.test(v)) this.fail(name, 'bad_code');
    return v;
  }
  /** A select whose empty choice means "none". */
  optionalId(name: string): string | null {
    const v = String(this.form[name] ?? '');
    return v === '' ? null : v;
  }
  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const v = String(this.form[name] ?? '');
    if (!(allowed as readonly string[]).includes(v)) this.fail(name, 'required');
    return v as T;
  }
  flag(name: string): boolean {
    return this.form[name] === true;
  }
  list(name: string): string[] {
    const v = this.form[name];
    return Array.isArray(v) ? v : [];
  }
  password(name: string, required: boolean): string | undefined {
    const v = String(this.form[name] ?? '');
    if (v === '') {
      if (required) this.fail(name, 'required');
      return undefined;
    }
    if (v.length < 8) this.fail(name, 'too_short');
    else if (v.length > 200) this.fail(name, 'too_long');
    return v;
  }
  result(body: Record<string, unknown>): Checked {
    return Object.keys(this.fields).length > 0 ? { ok: false, fields: this.fields } : { ok: true, body };
  }
}

const names = (r: Reader) => ({ nameEn: r.text('nameEn', 200), nameAr: r.text('nameAr', 200) });
const NAME_FIELDS: FieldSpec[] = [{ name: 'nameEn', kind: 'text' }, { name: 'nameAr', kind: 'text' }];
const ACTIVE: FieldSpec = { name: 'active', kind: 'check' };
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

function common(doc: AnyAdminDoc | null): FormState {
  const d = doc as (Partial<Record<string, unknown>> & { active?: boolean }) | null;
  return { code: str(d?.code), nameEn: str(d?.nameEn), nameAr: str(d?.nameAr), active: d?.active ?? true };
}

export const HOSPITALS: AdminKind = {
  resource: 'hospitals',
  kind: 'hospital',
  perHospital: false,
  fields: [{ name: 'code', kind: 'text' }, ...NAME_FIELDS, ACTIVE],
  initial: common,
  check(form) {
    const r = new Reader(form);
    return r.result({ code: r.text('code', 20, { code: true }), ...names(r), active: r.flag('active') });
  },
};

export const SOURCES: AdminKind = {
  resource: 'sources',
  kind: 'source',
  perHospital: false,
  fields: [{ name: 'code', kind: 'text' }, ...NAME_FIELDS, { name: 'kind', kind: 'select', choices: 'kinds' }, ACTIVE],
  initial: (doc) => ({ ...common(doc), kind: str((doc as SourceDoc | null)?.kind, 'external') }),
  check(form) {
    const r = new Reader(form);
    return r.result({ code: r.text('code', 20, { code: true }), ...names(r), kind: r.oneOf('kind', SOURCE_KINDS), active: r.flag('active') });
  },
};

export const DEPARTMENTS: AdminKind = {
  resource: 'departments',
  kind: 'department',
  perHospital: true,
  fields: [{ name: 'code', kind: 'text' }, ...NAME_FIELDS, { name: 'managerId', kind: 'select', choices: 'staff' }, ACTIVE],
  initial: (doc) => ({ ...common(doc), managerId: (doc as DepartmentDoc | null)?.managerId ?? '' }),
  check(form) {
    const r = new Reader(form);
    return r.result({ code: r.text('code', 20, { code: true }), ...names(r), managerId: r.optionalId('managerId'), active: r.flag('active') });
  },
};

export const STAFF: AdminKind = {
  resource: 'staff',
  kind: 'staff',
  perHospital: true,
  fields: [
    { name: 'username', kind: 'text' },
    { name: 'displayName', kind: 'text' },
    { name: 'role', kind: 'select', choices: 'roles' },
    { name: 'departmentId', kind: 'select', choices: 'departments' },
    { name: 'reportsToId', kind: 'select', choices: 'staff' },
    ACTIVE,
    { name: 'password', kind: 'password', createOnly: true },
  ],
  initial: (doc) => {
    const s = doc as StaffDoc | null;
    return {
      username: s?.username ?? '',
      displayName: s?.displayName ?? '',
      role: s?.role ?? 'desk_agent',
      departmentId: s?.departmentId ?? '',
      reportsToId: s?.reportsToId ?? '',
      active: s?.active ?? true,
      password: '',
    };
  },
  check(form, isNew) {
    const r = new Reader(form);
    const body: Record<string, unknown> = {
      username: r.text('username', 60),
      displayName: r.text('displayName', 120),
      role: r.oneOf('role', ROLES),
      departmentId: r.optionalId('departmentId'),
      reportsToId: r.optionalId('reportsToId'),
      active: r.flag('active'),
    };
    if (isNew) {
      const password = r.password('password', false);
      if (password !== undefined) body.password = password;
    }
    return r.result(body);
  },
};

export const CATEGORIES: AdminKind = {
  resource: 'categories',
  kind: 'category',
  perHospital: true,
  fields: [{ name: 'code', kind: 'text' }, ...NAME_FIELDS, { name: 'specialistIds', kind: 'multi', choices: 'agents' }, ACTIVE],
  initial: (doc) => ({ ...common(doc), specialistIds: [...((doc as CategoryDoc | null)?.specialistIds ?? [])] }),
  check(form) {
    const r = new Reader(form);
    return r.result({ code: r.text('code', 60, { code: true }), ...names(r), specialistIds: r.list('specialistIds'), active: r.flag('active') });
  },
};

/** A new password typed for an existing member of staff. */
export function checkPassword(value: string): Checked {
  const r = new Reader({ password: value });
  const password = r.password('password', true);
  return r.result({ password });
}
