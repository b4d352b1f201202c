import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatReference, parseReference, remainingInYear, takeReference, type HeldBlock } from './reference-number.ts';

describe('reference numbers', () => {
  it('formats CMP-YYYY-NNNNNN with at least six digits', () => {
    expect(formatReference(2026, 123)).toBe('CMP-2026-000123');
    expect(formatReference(2026, 1_234_567)).toBe('CMP-2026-1234567');
    expect(() => formatReference(2026, 0)).toThrow();
  });

  it('parses what it formats, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 10 ** 9 }), (y, n) => {
        expect(parseReference(formatReference(y, n))).toEqual({ year: y, n });
      }),
    );
    expect(parseReference('CMP-2026-12345')).toBeNull();
    expect(parseReference('XYZ-2026-000001')).toBeNull();
    expect(parseReference(' cmp-2026-000001 ')).toEqual({ year: 2026, n: 1 });
  });

  it('hands out every number of the leased blocks once, in order, and then none', () => {
    let blocks: HeldBlock[] = [
      { year: 2026, start: 101, end: 103, next: 101 },
      { year: 2026, start: 200, end: 201, next: 200 },
    ];
    const seen: string[] = [];
    for (;;) {
      const r = takeReference(blocks, 2026);
      if (!r) break;
      seen.push(r.reference);
      blocks = r.blocks;
    }
    expect(seen).toEqual(['CMP-2026-000101', 'CMP-2026-000102', 'CMP-2026-000103', 'CMP-2026-000200', 'CMP-2026-000201']);
    expect(remainingInYear(blocks, 2026)).toBe(0);
  });

  it('uses the block of the intake year and drops past years at new year', () => {
    const blocks: HeldBlock[] = [
      { year: 2026, start: 1, end: 10, next: 5 },
      { year: 2027, start: 1, end: 10, next: 1 },
    ];
    expect(remainingInYear(blocks, 2026)).toBe(6);
    const r = takeReference(blocks, 2027);
    expect(r?.reference).toBe('CMP-2027-000001');
    expect(r?.blocks).toEqual([{ year: 2027, start: 1, end: 10, next: 2 }]);
    expect(takeReference(blocks, 2028)).toBeNull();
  });
});
