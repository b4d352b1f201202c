import { describe, expect, it } from 'vitest';
import { HttpError, OfflineError } from '../../sync/http.ts';
import { saveErrorOf } from './errors.ts';

describe('save error mapping', () => {
  it('tells offline, refused, duplicate and server failures apart', () => {
    expect(saveErrorOf(new OfflineError(new Error('x'))).code).toBe('offline');
    expect(saveErrorOf(new HttpError(403, { error: 'forbidden' })).code).toBe('forbidden');
    expect(saveErrorOf(new HttpError(409, { error: 'already_exists' })).code).toBe('conflict');
    expect(saveErrorOf(new HttpError(500, null)).code).toBe('server');
    expect(saveErrorOf(new Error('boom')).code).toBe('server');
  });

  it('puts the server’s 422 field errors on the fields, by their dotted path', () => {
    const err = new HttpError(422, { error: 'validation_failed', fields: { slaHours: 'too_small', targetUserId: 'unknown', 'workingHours.end': 'invalid_format' } });
    expect(saveErrorOf(err)).toEqual({ code: 'invalid', fields: { slaHours: 'out_of_range', targetUserId: 'unknown', 'workingHours.end': 'invalid' } });
  });
});
