import { describe, expect, it } from 'vitest';
import { ROLES } from '../enums.ts';
import { inScope, scopeChoices } from './scope.ts';

describe('scopeChoices', () => {
  it('starts a department manager on their department, everyone else on the hospital', () => {
    for (const role of ROLES) {
      const [first] = scopeChoices({ role, departmentId: 'd1', hospitalId: 'h1' }, 'h1');
      expect(first, role).toEqual(role === 'department_manager' ? { kind: 'department', hospitalId: 'h1', departmentId: 'd1' } : { kind: 'hospital', hospitalId: 'h1' });
    }
    expect(scopeChoices({ role: 'department_manager', departmentId: null, hospitalId: 'h1' }, 'h1')).toEqual([{ kind: 'hospital', hospitalId: 'h1' }]);
  });

  it('offers the whole group to group-level users only, after the open hospital', () => {
    for (const role of ['admin', 'px_admin', 'ceo'] as const) {
      expect(scopeChoices({ role, departmentId: null, hospitalId: null }, 'h1'), role).toEqual([{ kind: 'hospital', hospitalId: 'h1' }, { kind: 'group' }]);
      expect(scopeChoices({ role, departmentId: null, hospitalId: 'h1' }, 'h1'), role).toEqual([{ kind: 'hospital', hospitalId: 'h1' }]);
    }
  });
});

describe('inScope', () => {
  it('keeps the hospital, and the department for a department scope', () => {
    const dept = { kind: 'department', hospitalId: 'h1', departmentId: 'd1' } as const;
    expect(inScope(dept, { hospitalId: 'h1', departmentId: 'd1' })).toBe(true);
    expect(inScope(dept, { hospitalId: 'h1', departmentId: null })).toBe(false);
    expect(inScope({ kind: 'hospital', hospitalId: 'h1' }, { hospitalId: 'h1', departmentId: null })).toBe(true);
    expect(inScope({ kind: 'hospital', hospitalId: 'h1' }, { hospitalId: 'h2', departmentId: 'd1' })).toBe(false);
  });

  it('keeps every complaint of every hospital for the group', () => {
    expect(inScope({ kind: 'group' }, { hospitalId: 'h1', departmentId: 'd1' })).toBe(true);
    expect(inScope({ kind: 'group' }, { hospitalId: 'h2', departmentId: null })).toBe(true);
  });
});
