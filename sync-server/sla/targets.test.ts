import { describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/documents.ts';
import type { HospitalDirectory, StaffEntry } from './context.ts';
import { resolveTarget } from './targets.ts';

const doc = { hospitalId: 'h1', departmentId: 'd1' } as ComplaintDoc;
const staff = (id: string, role: StaffEntry['role'], hospitalId: string | null, departmentId: string | null = null): StaffEntry => ({
  id, role, hospitalId, departmentId, username: id,
});

describe('escalation targets', () => {
  const dir: HospitalDirectory = {
    managers: new Map([['d1', 'boss'], ['d2', 'gone']]),
    staff: [
      staff('boss', 'department_manager', 'h1', 'd1'),
      staff('deputy', 'department_manager', 'h1', 'd2'),
      staff('group-px', 'px_admin', null),
      staff('h1-px', 'px_admin', 'h1'),
      staff('group-ceo', 'ceo', null),
      staff('h1-admin', 'hospital_admin', 'h1'),
    ],
  };

  it('finds the department’s named manager, else a manager of that department', () => {
    expect(resolveTarget({ role: 'department_manager', userId: null }, doc, dir)).toBe('boss');
    // d2's named manager is not an active staff member: a department manager of d2 takes it.
    expect(resolveTarget({ role: 'department_manager', userId: null }, { ...doc, departmentId: 'd2' }, dir)).toBe('deputy');
    expect(resolveTarget({ role: 'department_manager', userId: null }, { ...doc, departmentId: null }, dir)).toBeNull();
  });

  it('prefers the hospital’s own staff for a role, then group-level staff', () => {
    expect(resolveTarget({ role: 'px_admin', userId: null }, doc, dir)).toBe('h1-px');
    expect(resolveTarget({ role: 'ceo', userId: null }, doc, dir)).toBe('group-ceo');
    expect(resolveTarget({ role: 'hospital_admin', userId: null }, doc, dir)).toBe('h1-admin');
    expect(resolveTarget({ role: 'hospital_admin', userId: null }, { ...doc, hospitalId: 'h2' }, dir)).toBeNull();
  });

  it('takes a named user only while active', () => {
    expect(resolveTarget({ role: 'named_user', userId: 'h1-admin' }, doc, dir)).toBe('h1-admin');
    expect(resolveTarget({ role: 'named_user', userId: 'nobody' }, doc, dir)).toBeNull();
  });
});
