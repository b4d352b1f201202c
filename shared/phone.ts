import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type PhoneResult = { ok: true; e164: string } | { ok: false; error: 'invalid_phone' };

/**
 * Normalises a phone number typed at the desk to E.164. Saudi numbers are the default
 * (`05xxxxxxxx` → `+9665xxxxxxxx`); an international number with `+` or `00` keeps its country.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'SA'): PhoneResult {
  const cleaned = input
    .trim()
    // Arabic-Indic and Eastern Arabic-Indic digits are what an Arabic keyboard types.
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/^00/, '+');
  if (!/^[+\d\s\-().]{6,25}$/.test(cleaned)) return { ok: false, error: 'invalid_phone' };
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isValid()) return { ok: false, error: 'invalid_phone' };
  return { ok: true, e164: parsed.number };
}

/** For timelines and logs: keeps the country code and the last three digits. */
export function maskPhone(e164: string): string {
  if (e164.length <= 7) return '***';
  return `${e164.slice(0, 4)}${'•'.repeat(e164.length - 7)}${e164.slice(-3)}`;
}
