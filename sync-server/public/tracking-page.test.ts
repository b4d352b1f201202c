import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TimelineEventDoc } from '../../shared/documents.ts';
import { newTrackingSecret } from '../../shared/ids.ts';
import { DEFAULT_CONTEXT, STYLE_HASH, TRACKING_HEADERS, publicTimeline, renderCodeForm, renderLimited, renderTrackingDetail, renderTrackingForm } from './tracking-page.ts';

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
    expect(html.replace(/<[^>]+>/g, '')).toContain('We aim to respond by 3 March 2026 at 12:00 (14 Ramadan 1447 AH)');
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

describe('tracking page details', () => {
  const text = (html: string) => html.replace(/<style>.*?<\/style>/s, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('gives the target date in the Gregorian and the Umm al-Qura calendars, in Arabic too', () => {
    expect(text(renderTrackingDetail(view, 'ar'))).toContain('نسعى للرد عليك قبل 3 مارس 2026 في 12:00 م (14 رمضان 1447 هـ)');
    expect(renderTrackingDetail(view, 'en')).toContain('<time datetime="2026-03-03T09:00:00.000Z">');
  });

  it('explains each status in plain words', () => {
    expect(text(renderTrackingDetail(view, 'en'))).toContain('The team is looking into what happened.');
    const waiting = renderTrackingDetail({ ...view, complaint: { ...view.complaint, status: 'WAITING_USER' } }, 'en');
    expect(text(waiting)).toContain('We need some information from you to continue.');
  });

  it('offers the survey once closed, until it is answered, and then says it arrived without its content', () => {
    const closing = event({ id: 'close-1', type: 'status_changed', from: 'RESOLVED', to: 'CLOSED' });
    const closed = { ...view, complaint: { ...view.complaint, status: 'CLOSED' as const }, events: [...view.events, closing] };
    expect(renderTrackingDetail(closed, 'en')).toContain('/complaints/survey/CMP-2026-000042/?s=');
    const survey = event({ id: 'sv', type: 'survey_received', comment: 'The nurse Amal was rude', data: { surveyId: 'close-1', score: 2 } });
    const answered = renderTrackingDetail({ ...closed, events: [...closed.events, survey] }, 'en');
    expect(answered).not.toContain('/complaints/survey/');
    expect(text(answered)).toContain('We received your feedback, thank you');
    expect(answered).not.toContain('Amal');
  });

  it('shows a message only once it reached the complainant, and never its template or number', () => {
    const failed = event({ id: 'f', type: 'communication', data: { channel: 'sms', template: 'complaint_received', status: 'failed' } });
    const staffMail = event({ id: 'm', type: 'communication', data: { channel: 'email', template: 'staff_assigned', status: 'sent', shownToComplainant: false } });
    expect(publicTimeline([failed, staffMail])).toEqual([]);
    expect(renderTrackingDetail(view, 'en')).not.toContain('complaint_received');
  });

  it('asks for the code or the phone number without naming any reference, and the code form without either', () => {
    for (const lang of ['ar', 'en'] as const) {
      for (const html of [renderTrackingForm(lang), renderTrackingForm(lang, DEFAULT_CONTEXT, true), renderCodeForm(lang), renderCodeForm(lang, DEFAULT_CONTEXT, true), renderLimited(lang)]) {
        expect(html).not.toContain('CMP-');
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/action="/);
      }
    }
    const form = renderTrackingForm('en');
    expect(form).toContain('name="s"');
    expect(form).toContain('name="phone" type="tel"');
    expect(renderCodeForm('en')).toContain('autocomplete="one-time-code"');
    expect(renderCodeForm('en', DEFAULT_CONTEXT, true)).toContain('aria-invalid="true"');
  });

  it('shows the support number when the server has one, and prints without forms and links', () => {
    expect(text(renderTrackingForm('en', { orgName: 'KFMC', supportPhone: '8001234567' }))).toContain('Questions: 8001234567');
    expect(renderTrackingForm('en', { orgName: 'KFMC', supportPhone: null })).toContain('<title>Track your complaint - KFMC</title>');
    expect(renderTrackingForm('en')).toMatch(/@media print\{[^}]*\}?.*\.lang,form,\.noprint\{display:none\}/);
  });
});

describe('the tracking secret', () => {
  it('carries at least 80 random bits (128: sixteen random bytes, all of them in the link)', () => {
    const asked: number[] = [];
    const secret = newTrackingSecret((n) => {
      asked.push(n);
      return new Uint8Array(n).fill(0xa5);
    });
    expect(asked.reduce((a, n) => a + n, 0) * 8).toBeGreaterThanOrEqual(128);
    expect(secret.length * 6).toBeGreaterThanOrEqual(128);
    expect(new Set(Array.from({ length: 1_000 }, () => newTrackingSecret())).size).toBe(1_000);
  });
});
