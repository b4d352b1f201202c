import { describe, expect, it } from 'vitest';
import { base64url, newTrackingSecret, trackingUrl, uuidv7 } from './ids.ts';

describe('ids and secrets', () => {
  it('makes UUIDv7 ids that sort by creation time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('makes tracking secrets of 128 bits that differ each time', () => {
    const s = newTrackingSecret();
    expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newTrackingSecret()).not.toBe(s);
  });

  it('encodes base64url like Node does', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it('builds the tracking link with the secret', () => {
    expect(trackingUrl('https://x.sa/', 'CMP-2026-000001', 'abc')).toBe('https://x.sa/complaints/track/CMP-2026-000001/?s=abc');
  });
});
