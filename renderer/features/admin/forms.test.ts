import { describe, expect, it } from 'vitest';
import { CATEGORIES, checkPassword, DEPARTMENTS, STAFF } from './forms.ts';

describe('administration forms', () => {
  it('sends a department with "none" as a null manager', () => {
    const form = { ...DEPARTMENTS.initial(null), code: ' ONC ', nameEn: 'Oncology', nameAr: 'الأورام' };
    expect(DEPARTMENTS.check(form, true)).toEqual({
      ok: true,
      body: { code: 'ONC', nameEn: 'Oncology', nameAr: 'الأورام', managerId: null, active: true },
    });
  });

  it('reports one problem per field: blank, too long, bad code', () => {
    const form = { ...CATEGORIES.initial(null), code: 'has space', nameEn: 'x'.repeat(201), nameAr: '' };
    expect(CATEGORIES.check(form, true)).toEqual({ ok: false, fields: { code: 'bad_code', nameEn: 'too_long', nameAr: 'required' } });
  });

  it('sends a new password only when typed, and only at creation', () => {
    const form = { ...STAFF.initial(null), username: 'sara', displayName: 'Sara' };
    const none = STAFF.check(form, true);
    expect(none.ok && 'password' in none.body).toBe(false);
    expect(STAFF.check({ ...form, password: 'short' }, true)).toEqual({ ok: false, fields: { password: 'too_short' } });
    const set = STAFF.check({ ...form, password: 'long-enough-1' }, true);
    expect(set.ok && set.body.password).toBe('long-enough-1');
    const edit = STAFF.check({ ...form, password: 'long-enough-1' }, false);
    expect(edit.ok && 'password' in edit.body).toBe(false);
  });

  it('requires a reset password of at least 8 characters', () => {
    expect(checkPassword('')).toEqual({ ok: false, fields: { password: 'required' } });
    expect(checkPassword('12345678')).toEqual({ ok: true, body: { password: '12345678' } });
  });
});
