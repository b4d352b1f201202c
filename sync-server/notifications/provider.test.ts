import { describe, expect, it } from 'vitest';
import { inboundActionOf, receiptStatusOf } from './provider.ts';

describe('what the provider sends us', () => {
  it('reads STOP and START replies in English and Arabic, and nothing else', () => {
    for (const t of ['STOP', ' stop ', 'Stop.', 'UNSUBSCRIBE', 'إيقاف', 'ايقاف', 'توقف', 'إلغاء']) expect(inboundActionOf(t), t).toBe('opted_out');
    for (const t of ['START', 'ابدأ']) expect(inboundActionOf(t), t).toBe('opted_in');
    for (const t of ['Thank you', 'please stop calling me at night', '']) expect(inboundActionOf(t), t).toBe('ignored');
  });

  it('maps receipt statuses to delivered or failed, refusing unknown ones', () => {
    expect(receiptStatusOf('DELIVERED')).toBe('delivered');
    for (const s of ['failed', 'UNDELIVERED', 'rejected', 'expired']) expect(receiptStatusOf(s)).toBe('failed');
    expect(receiptStatusOf('queued')).toBeNull();
  });
});
