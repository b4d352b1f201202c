import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from './phone.ts';

describe('phone normalisation', () => {
  it('turns Saudi mobile numbers into E.164', () => {
    expect(normalizePhone('0501234567')).toEqual({ ok: true, e164: '+966501234567' });
    expect(normalizePhone('050 123 4567')).toEqual({ ok: true, e164: '+966501234567' });
    expect(normalizePhone('+966501234567')).toEqual({ ok: true, e164: '+966501234567' });
    expect(normalizePhone('00966501234567')).toEqual({ ok: true, e164: '+966501234567' });
  });

  it('reads Arabic-Indic digits as typed on an Arabic keyboard', () => {
    expect(normalizePhone('٠٥٠١٢٣٤٥٦٧')).toEqual({ ok: true, e164: '+966501234567' });
  });

  it('keeps foreign numbers in their own country', () => {
    expect(normalizePhone('+44 20 7946 0958')).toEqual({ ok: true, e164: '+442079460958' });
  });

  it('refuses garbage', () => {
    expect(normalizePhone('hello')).toEqual({ ok: false, error: 'invalid_phone' });
    expect(normalizePhone('05')).toEqual({ ok: false, error: 'invalid_phone' });
    expect(normalizePhone('0512')).toEqual({ ok: false, error: 'invalid_phone' });
  });

  it('masks all but the country code and the last digits', () => {
    expect(maskPhone('+966501234567')).toBe('+966••••••567');
  });
});
