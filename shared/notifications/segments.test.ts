import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7 } from './segments.ts';

const a = (n: number) => 'a'.repeat(n);
const ar = (n: number) => 'ش'.repeat(n);

describe('SMS encoding', () => {
  it.each([
    ['plain English', 'Your complaint has been resolved.', true],
    ['digits, punctuation and a tracking link', 'Ref: CMP-2026-000123 http://x.org/c/t/?s=ab_cd-ef', true],
    ['the extension table', '€[]{}\\^~|', true],
    ['accented letters of the default alphabet', 'èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà¿¡§£¥Δ', true],
    ['an Arabic letter', 'Ref ش', false],
    ['an Arabic-Indic digit', 'CMP-٢٠٢٦', false],
    ['an emoji', 'thanks 🙂', false],
    ['a letter outside the alphabet (ç is not è)', 'ç', false],
    ['a curly apostrophe', 'we’re', false],
  ])('%s → GSM-7 %s', (_name, text, gsm) => {
    expect(isGsm7(text)).toBe(gsm);
    expect(countSegments(text).encoding).toBe(gsm ? 'GSM-7' : 'UCS-2');
  });
});

describe('SMS segment count', () => {
  it.each([
    // [name, text, units, segments, remaining]
    ['empty', '', 0, 0, 160],
    ['one GSM character', 'a', 1, 1, 159],
    ['160 GSM characters fit one message', a(160), 160, 1, 0],
    ['161 split into two parts of 153', a(161), 161, 2, 145],
    ['306 fill two parts exactly', a(306), 306, 2, 0],
    ['307 need a third part', a(307), 307, 3, 152],
    ['an extension character counts double', `${a(158)}€`, 160, 1, 0],
    ['an extension character that no longer fits splits', `${a(159)}€`, 161, 2, 145],
    ['an extension character is never cut in half', `${a(152)}{${a(10)}`, 164, 2, 141],
  ])('GSM-7: %s', (_name, text, units, segments, remaining) => {
    const c = countSegments(text);
    expect(c.encoding).toBe('GSM-7');
    expect({ units: c.units, segments: c.segments, remaining: c.remaining }).toEqual({ units, segments, remaining });
  });

  it.each([
    ['70 Arabic characters fit one message', ar(70), 70, 1, 0],
    ['71 split into two parts of 67', ar(71), 71, 2, 63],
    ['134 fill two parts exactly', ar(134), 134, 2, 0],
    ['135 need a third part', ar(135), 135, 3, 66],
    ['one Arabic letter turns 100 Latin ones into UCS-2', `${a(99)}ش`, 100, 2, 34],
    ['an emoji is two units', `${ar(68)}🙂`, 70, 1, 0],
    ['an emoji is never cut in half', `${ar(66)}🙂${ar(10)}`, 78, 2, 55],
  ])('UCS-2: %s', (_name, text, units, segments, remaining) => {
    const c = countSegments(text);
    expect(c.encoding).toBe('UCS-2');
    expect({ units: c.units, segments: c.segments, remaining: c.remaining }).toEqual({ units, segments, remaining });
  });

  it('counts characters as people do, apart from the units the network counts', () => {
    expect(countSegments('€').characters).toBe(1);
    expect(countSegments('€').units).toBe(2);
    expect(countSegments('🙂').characters).toBe(1);
    expect(countSegments('🙂').units).toBe(2);
  });

  it('reports the per-part size in use', () => {
    expect(countSegments(a(160)).perSegment).toBe(160);
    expect(countSegments(a(161)).perSegment).toBe(153);
    expect(countSegments(ar(70)).perSegment).toBe(70);
    expect(countSegments(ar(71)).perSegment).toBe(67);
  });

  it('prices the brief’s Arabic confirmation as UCS-2 over several parts', () => {
    const text = 'استلام شكوى SHCT\nالرقم: CMP-2026-000123\nتم استلام شكواكم. تابع الحالة:\nhttp://localhost:8080/complaints/track/CMP-2026-000123/?s=abcdefghijklmnopqrstuv\nالدعم: 8001234567';
    const c = countSegments(text);
    expect(c.encoding).toBe('UCS-2');
    expect(c.units).toBe(text.length);
    expect(c.segments).toBe(Math.ceil(text.length / 67));
  });
});
