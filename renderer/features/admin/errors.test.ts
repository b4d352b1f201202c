import { describe, expect, it } from 'vitest';
import { HttpError, OfflineError } from '../../sync/http.ts';
import { adminSaveErrorOf } from './errors.ts';

describe('adminSaveErrorOf', () => {
  it("turns the server's 422 field codes into the form's words", () => {
    const err = new HttpError(422, { error: 'validation_failed', fields: { code: 'taken', managerId: 'unknown', nameEn: 'too_big', role: 'not_allowed', x: 'weird' } });
    expect(adminSaveErrorOf(err)).toEqual({
      code: 'invalid',
      fields: { code: 'taken', managerId: 'unknown', nameEn: 'too_long', role: 'not_allowed', x: 'invalid' },
    });
  });

  it('says forbidden, offline or signed out without field errors', () => {
    expect(adminSaveErrorOf(new HttpError(403, { error: 'forbidden' }))).toEqual({ code: 'forbidden', fields: {} });
    expect(adminSaveErrorOf(new OfflineError(new Error('down')))).toEqual({ code: 'offline', fields: {} });
    expect(adminSaveErrorOf(new HttpError(401, null))).toEqual({ code: 'signed_out', fields: {} });
  });
});
