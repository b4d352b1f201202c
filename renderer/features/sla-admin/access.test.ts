import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/enums.ts';
import { canAdministerSla } from './access.ts';

describe('SLA admin access', () => {
  it('is offered to admins, PX admins and hospital admins of the hospital, and no one else', () => {
    const allowed = ROLES.filter((role) => canAdministerSla({ role, hospitalId: 'h1' }, 'h1'));
    expect(allowed.sort()).toEqual(['admin', 'hospital_admin', 'px_admin']);
  });

  it('is not offered to a hospital admin on another hospital', () => {
    expect(canAdministerSla({ role: 'hospital_admin', hospitalId: 'h1' }, 'h2')).toBe(false);
    expect(canAdministerSla({ role: 'hospital_admin', hospitalId: null }, 'h2')).toBe(true);
  });
});
