import { describe, expect, it } from 'vitest';
import { mayChange, refusedChange, type ComplaintActor } from './complaint-access.ts';

const agent: ComplaintActor = { id: 'agent', role: 'desk_agent', departmentId: 'er' };
const manager: ComplaintActor = { id: 'manager', role: 'department_manager', departmentId: 'er' };
const hadmin: ComplaintActor = { id: 'hadmin', role: 'hospital_admin', departmentId: null };
const ceo: ComplaintActor = { id: 'ceo', role: 'ceo', departmentId: null };
const free = { departmentId: 'lab', assigneeId: null };
const nurses = { departmentId: 'er', assigneeId: 'nurse' };

describe('who may change a complaint\'s workflow', () => {
  it('by role: hospital-wide admins everything, managers their department, agents their own or free ones, the CEO nothing', () => {
    expect([free, nurses].map((c) => mayChange(hadmin, c))).toEqual([null, null]);
    expect([free, nurses].map((c) => mayChange(manager, c))).toEqual(['not_your_department', null]);
    expect([free, nurses, { ...nurses, assigneeId: 'agent' }].map((c) => mayChange(agent, c))).toEqual([null, 'not_your_complaint', null]);
    expect(mayChange(ceo, { ...free, assigneeId: 'ceo' })).toBe('read_only_role');
  });

  it('an agent assigns only to themselves; a manager routes to anyone', () => {
    expect(refusedChange(agent, free, 'assigneeId', 'agent')).toBeNull();
    expect(refusedChange(agent, free, 'assigneeId', 'nurse')).toBe('assign_others_not_allowed');
    expect(refusedChange(agent, free, 'assigneeId', null)).toBe('assign_others_not_allowed');
    expect(refusedChange(manager, nurses, 'assigneeId', 'agent')).toBeNull();
    expect(refusedChange(agent, nurses, 'status', 'CLOSED')).toBe('not_your_complaint');
  });
});
