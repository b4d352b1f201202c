import { describe, expect, it } from 'vitest';
import { VERIFIER_ITERATIONS, checkVerifier, makeVerifier } from './verifier.ts';

describe('offline login verifier', () => {
  it('accepts the same password and rejects another', async () => {
    const v = await makeVerifier('Desk-pass-123');
    expect(await checkVerifier('Desk-pass-123', v)).toBe(true);
    expect(await checkVerifier('desk-pass-123', v)).toBe(false);
    expect(await checkVerifier('', v)).toBe(false);
  });

  it('never stores the password and salts every verifier differently', async () => {
    const a = await makeVerifier('Desk-pass-123');
    const b = await makeVerifier('Desk-pass-123');
    expect(JSON.stringify(a)).not.toContain('Desk-pass-123');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.iterations).toBeGreaterThanOrEqual(100_000);
    expect(VERIFIER_ITERATIONS).toBeGreaterThanOrEqual(100_000);
  });

  it('rejects a tampered verifier', async () => {
    const v = await makeVerifier('secret-1');
    const flipped = (v.hash[0] === '0' ? '1' : '0') + v.hash.slice(1);
    expect(await checkVerifier('secret-1', { ...v, hash: flipped })).toBe(false);
    expect(await checkVerifier('secret-1', { ...v, iterations: v.iterations - 1 })).toBe(false);
  });
});
