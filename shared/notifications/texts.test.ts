import { describe, expect, it } from 'vitest';
import { parseTemplate } from './templates-syntax.ts';
import { MESSAGE_TEMPLATE_IDS, MESSAGE_TEMPLATES, renderBilingual, renderMessage } from './texts.ts';

const LINK = 'https://shct.sa/complaints/track/CMP-2026-000123/?s=abc';
const base = { org: 'SHCT', ref: 'CMP-2026-000123', link: LINK, support: '8001234567' };

describe('complainant SMS texts (brief §5)', () => {
  it('creation, in English and Arabic, with the support line', () => {
    expect(renderMessage('complaint_received', 'en', base).body).toBe(
      ['SHCT Complaint Received', 'Ref: CMP-2026-000123', 'We received your complaint. Track status:', LINK, 'Support: 8001234567'].join('\n'),
    );
    expect(renderMessage('complaint_received', 'ar', base).body).toBe(
      ['استلام شكوى SHCT', 'الرقم: CMP-2026-000123', 'تم استلام شكواكم. تابع الحالة:', LINK, 'الدعم: 8001234567'].join('\n'),
    );
  });

  it('leaves the support line out when SUPPORT_PHONE is unset', () => {
    expect(renderMessage('complaint_received', 'en', { ...base, support: null }).body).toBe(
      ['SHCT Complaint Received', 'Ref: CMP-2026-000123', 'We received your complaint. Track status:', LINK].join('\n'),
    );
  });

  it('resolution with its summary', () => {
    const values = { ...base, summary: 'Issue addressed' };
    expect(renderMessage('complaint_resolved', 'en', values).body).toBe(
      ['SHCT Complaint Resolved', 'Ref: CMP-2026-000123', 'Your complaint has been resolved.', 'Summary: Issue addressed', `Track: ${LINK}`].join('\n'),
    );
    expect(renderMessage('complaint_resolved', 'ar', { ...values, summary: 'تم معالجة المشكلة' }).body).toBe(
      ['حل شكوى SHCT', 'الرقم: CMP-2026-000123', 'تم حل شكواكم.', 'الملخص: تم معالجة المشكلة', `تتبع: ${LINK}`].join('\n'),
    );
  });

  it('closure', () => {
    expect(renderMessage('complaint_closed', 'en', base).body).toBe(
      ['SHCT Complaint Closed', 'Ref: CMP-2026-000123', 'Your complaint is now closed.', 'Thank you for your feedback.', `Track: ${LINK}`].join('\n'),
    );
    expect(renderMessage('complaint_closed', 'ar', base).body).toBe(
      ['إغلاق شكوى SHCT', 'الرقم: CMP-2026-000123', 'تم إغلاق شكواكم.', 'شكراً لتعليقاتكم.', `تتبع: ${LINK}`].join('\n'),
    );
  });

  it('uses ORG_NAME wherever the brief says SHCT', () => {
    expect(renderMessage('complaint_closed', 'en', { ...base, org: 'KFMC' }).body.split('\n')[0]).toBe('KFMC Complaint Closed');
    expect(renderMessage('complaint_closed', 'ar', { ...base, org: 'KFMC' }).body.split('\n')[0]).toBe('إغلاق شكوى KFMC');
  });

  it('an override replaces the default text', () => {
    expect(renderMessage('complaint_closed', 'en', base, { subject: null, body: 'Closed {ref}' }).body).toBe('Closed CMP-2026-000123');
  });
});

describe('staff e-mail texts', () => {
  const values = { ...base, title: 'No answer from the clinic', due: '2026-11-23 10:00', name: 'Dr. Sara' };

  it('marks the second reminder URGENT in both languages', () => {
    expect(renderMessage('staff_second_reminder', 'en', values).subject).toMatch(/^URGENT/);
    expect(renderMessage('staff_second_reminder', 'ar', values).subject).toMatch(/^عاجل/);
    expect(renderMessage('staff_first_reminder', 'en', values).subject).not.toMatch(/URGENT/);
  });

  it('puts the explanation link in the body', () => {
    const text = renderMessage('staff_explanation_request', 'en', { ...values, link: 'https://x/explanations/tok', message: null });
    expect(text.body).toContain('https://x/explanations/tok');
    expect(text.subject).toBe('SHCT: explanation requested - complaint CMP-2026-000123');
  });

  it('writes Arabic then English for someone whose language is unknown', () => {
    const text = renderBilingual('staff_assigned', values);
    expect(text.subject).toBe('SHCT: أُسندت إليكم الشكوى CMP-2026-000123 | SHCT: complaint CMP-2026-000123 assigned to you');
    expect(text.body.indexOf('أُسندت إليكم شكوى.')).toBeLessThan(text.body.indexOf('A complaint was assigned to you.'));
  });
});

describe('every default template', () => {
  it('parses and names only its declared variables; e-mails have subjects, SMS do not', () => {
    for (const id of MESSAGE_TEMPLATE_IDS) {
      const def = MESSAGE_TEMPLATES[id];
      for (const text of Object.values(def.texts)) {
        for (const source of [text.body, text.subject ?? '']) {
          const parsed = parseTemplate(source);
          expect(parsed.ok, `${id}: ${source}`).toBe(true);
          if (parsed.ok) for (const v of parsed.variables) expect(def.variables, `${id} uses {${v}}`).toContain(v);
        }
        expect(text.subject === null, id).toBe(def.channel === 'sms');
      }
    }
  });
});
