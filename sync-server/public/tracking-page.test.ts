import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TimelineEventDoc } from '../../shared/documents.ts';
import { STYLE_HASH, TRACKING_HEADERS, publicTimeline, renderTrackingDetail, renderTrackingForm } from './tracking-page.ts';

const event = (over: Partial<TimelineEventDoc>): TimelineEventDoc => ({
  id: 'e', complaintId: 'c', hospitalId: 'h', type: 'note', at: Date.UTC(2026, 2, 1, 9), actorId: 'u',
  actorName: 'Dr. Khalid', field: null, from: null, to: null, comment: null, visibility: 'internal', data: {}, ...over,
});

const view = {
  complaint: {
    referenceNumber: 'CMP-2026-000042', status: 'IN_PROGRESS' as const, dueAt: Date.UTC(2026, 2, 3, 9),
    resolution: null, trackingSecret: 'sec<ret>&"x"-abcdefghij',
  },
  hospital: { nameAr: 'مستشفى <الشمال>', nameEn: 'North <Hospital>' },
  events: [
    event({ id: '1', type: 'created', visibility: 'public' }),
    event({ id: '2', type: 'note', comment: 'Internal: patient is difficult' }),
    event({ id: '3', type: 'status_changed', from: 'PENDING', to: 'IN_PROGRESS', comment: 'Sent to Dr. Khalid', visibility: 'public' }),
    event({ id: '4', type: 'reply', comment: 'We are <checking>', visibility: 'public' }),
    event({ id: '5', type: 'communication', data: { channel: 'sms', template: 'created', status: 'sent', to: '+966501234567' } }),
    event({ id: '6', type: 'reply', comment: 'draft for staff only', visibility: 'internal' }),
  ],
};

describe('tracking page rendering', () => {
  it('is Arabic and right-to-left by default, English left-to-right on request', () => {
    expect(renderTrackingForm('ar')).toContain('<html lang="ar" dir="rtl">');
    expect(renderTrackingForm('en')).toContain('<html lang="en" dir="ltr">');
    expect(renderTrackingDetail(view, 'en')).toContain('<html lang="en" dir="ltr">');
  });

  it('escapes everything that comes from the database', () => {
    const html = renderTrackingDetail(view, 'en');
    expect(html).toContain('North &#60;Hospital&#62;');
    expect(html).toContain('We are &#60;checking&#62;');
    expect(html).not.toContain('<checking>');
    expect(html).not.toContain('sec<ret>');
  });

  it('shows the status and target date but no names, phone numbers or internal notes', () => {
    const html = renderTrackingDetail(view, 'en');
    expect(html).toContain('We are working on your complaint');
    expect(html).toMatch(/We aim to respond by 3 March 2026/);
    expect(html).toContain('We sent you an SMS');
    for (const secret of ['Dr. Khalid', 'Internal', '966501234567', 'draft for staff', 'Sent to']) expect(html).not.toContain(secret);
  });

  it('keeps only the public kinds of events on the timeline', () => {
    expect(publicTimeline(view.events).map((i) => i.kind)).toEqual(['created', 'status', 'reply', 'sent']);
  });

  it('allows exactly its own inline style and nothing else', () => {
    const html = renderTrackingForm('ar');
    const css = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
    expect(`sha256-${createHash('sha256').update(css).digest('base64')}`).toBe(STYLE_HASH);
    expect(TRACKING_HEADERS['content-security-policy']).toContain(`style-src '${STYLE_HASH}'`);
    expect(html).not.toMatch(/<script/i);
  });
});
