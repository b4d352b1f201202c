import { describe, expect, it } from 'vitest';
import { canAdminister, canGrantRole, canOpenAdmin } from './admin-access.ts';

const admin = { role: 'admin', hospitalId: null } as const;
const px = { role: 'px_admin', hospitalId: 'h1' } as const;
const groupPx = { role: 'px_admin', hospitalId: null } as const;
const hospitalAdmin = { role: 'hospital_admin', hospitalId: 'h1' } as const;
const agent = { role: 'desk_agent', hospitalId: 'h1' } as const;
const manager = { role: 'department_manager', hospitalId: 'h1' } as const;

describe('canAdminister', () => {
  it('keeps hospitals and sources to the group administrator', () => {
    expect(canAdminister(admin, 'hospitals', null)).toBe(true);
    expect(canAdminister(admin, 'sources', null)).toBe(true);
    for (const who of [px, groupPx, hospitalAdmin, agent]) {
      expect(canAdminister(who, 'hospitals', 'h1')).toBe(false);
      expect(canAdminister(who, 'sources', null)).toBe(false);
    }
  });

  it('lets PX and hospital admins run their own hospital only', () => {
    for (const r of ['departments', 'staff', 'categories', 'assignment'] as const) {
      expect(canAdminister(px, r, 'h1')).toBe(true);
      expect(canAdminister(hospitalAdmin, r, 'h1')).toBe(true);
      expect(canAdminister(hospitalAdmin, r, 'h2')).toBe(false);
      expect(canAdminister(groupPx, r, 'h2')).toBe(true);
    }
  });

  it('refuses desk agents and managers everything, and group-level staff to all but admin', () => {
    for (const r of ['departments', 'staff', 'categories', 'assignment'] as const) {
      expect(canAdminister(agent, r, 'h1')).toBe(false);
      expect(canAdminister(manager, r, 'h1')).toBe(false);
    }
    expect(canAdminister(groupPx, 'staff', null)).toBe(false);
    expect(canAdminister(admin, 'staff', null)).toBe(true);
  });
});

describe('canOpenAdmin and canGrantRole', () => {
  it('shows the screen to admins only', () => {
    expect(canOpenAdmin(admin, 'h1')).toBe(true);
    expect(canOpenAdmin(hospitalAdmin, 'h1')).toBe(true);
    expect(canOpenAdmin(agent, 'h1')).toBe(false);
    expect(canOpenAdmin(manager, 'h1')).toBe(false);
  });

  it('reserves the admin role to admins', () => {
    expect(canGrantRole(px, 'admin')).toBe(false);
    expect(canGrantRole(px, 'desk_agent')).toBe(true);
    expect(canGrantRole(admin, 'admin')).toBe(true);
  });
});
