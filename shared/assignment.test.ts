import { describe, expect, it } from 'vitest';
import { chooseAssignee, type AssignmentCandidate, type AssignmentInput } from './assignment.ts';

const agent = (id: string, extra: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  id, role: 'desk_agent', active: true, departmentId: 'd1', ...extra,
});
const base = (staff: AssignmentCandidate[], extra: Partial<AssignmentInput> = {}): AssignmentInput => ({
  departmentId: 'd1', staff, load: new Map(), specialistIds: [], cursor: null, ...extra,
});

describe('chooseAssignee', () => {
  it('picks the least-loaded agent', () => {
    const load = new Map([['a', 3], ['b', 1], ['c', 2]]);
    expect(chooseAssignee(base([agent('a'), agent('b'), agent('c')], { load }))).toBe('b');
  });

  it('rotates among equals after the cursor, wrapping round', () => {
    const staff = [agent('c'), agent('a'), agent('b')];
    expect(chooseAssignee(base(staff))).toBe('a');
    expect(chooseAssignee(base(staff, { cursor: 'a' }))).toBe('b');
    expect(chooseAssignee(base(staff, { cursor: 'b' }))).toBe('c');
    expect(chooseAssignee(base(staff, { cursor: 'c' }))).toBe('a');
  });

  it('balances a run of complaints to within one', () => {
    const staff = [agent('a'), agent('b'), agent('c')];
    const load = new Map<string, number>();
    let cursor: string | null = null;
    for (let i = 0; i < 31; i++) {
      const id = chooseAssignee(base(staff, { load, cursor }));
      if (!id) throw new Error('nobody');
      load.set(id, (load.get(id) ?? 0) + 1);
      cursor = id;
    }
    expect([...load.values()].sort()).toEqual([10, 10, 11]);
  });

  it('prefers specialists of the category even when busier', () => {
    const load = new Map([['a', 5], ['b', 0]]);
    expect(chooseAssignee(base([agent('a'), agent('b')], { load, specialistIds: ['a'] }))).toBe('a');
  });

  it('falls back to everyone when no specialist is eligible', () => {
    const staff = [agent('a'), agent('b', { active: false })];
    expect(chooseAssignee(base(staff, { specialistIds: ['b'] }))).toBe('a');
  });

  it('skips inactive agents, other departments and other roles', () => {
    const staff = [
      agent('a', { active: false }),
      agent('b', { departmentId: 'd2' }),
      agent('c', { role: 'department_manager' }),
      agent('d'),
    ];
    expect(chooseAssignee(base(staff))).toBe('d');
  });

  it('leaves the complaint unassigned when nobody is eligible or it has no department', () => {
    expect(chooseAssignee(base([agent('a', { active: false })]))).toBeNull();
    expect(chooseAssignee(base([agent('a')], { departmentId: null }))).toBeNull();
  });
});
