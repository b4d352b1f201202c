import { describe, expect, it } from 'vitest';
import { ROLES } from '../enums.ts';
import { inScope, scopeChoices } from './scope.ts';

describe('scopeChoices', () => {
  it('starts a department manager on their department, everyone else on the hospital', () => {
    for (const role of ROLES) {
      const [first] = scopeChoices({ role, departmentId: 'd1' }, 'h1');
      expect(first, role).toEqual(role === 'department_manager' ? { kind: 'department', hospitalId: 'h1', departmentId: 'd1' } : { kind: 'hospital', hospitalId: 'h1' });
    }
    expect(scopeChoices({ role: 'department_manager', departmentId: null }, 'h1')).toEqual([{ kind: 'hospital', hospitalId: 'h1' }]);
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
});
