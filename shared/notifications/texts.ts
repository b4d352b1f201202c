import type { Language } from '../enums.ts';
import { renderTemplate, type TemplateValues } from './templates-syntax.ts';

/**
 * The default texts of every message the server sends (brief §5 for the complainant's SMS), in
 * the template language admins edit (`{variable}` placeholders; a line whose variable has no
 * value is left out, which is how "Support: …" disappears without SUPPORT_PHONE). Rendering is a
 * pure function of (template, language, values); an admin's override, when there is one, is
 * passed in and used instead of the default — the caller looks it up.
 *
 * Variables: org (ORG_NAME), ref (reference number), link (tracking link, or the explanation
 * link), support (SUPPORT_PHONE), summary (resolution summary), name (the staff member's name),
 * title (complaint title), due (response due, formatted), level (escalation level), message
 * (what the requester wrote), score and comment (a survey answer), survey (the satisfaction
 * survey link of the closure SMS), code (the tracking page's one-time code).
 */
export const MESSAGE_TEMPLATE_IDS = [
  'complaint_received',
  'complaint_resolved',
  'complaint_closed',
  'complaint_in_progress',
  'complaint_assigned',
  'complaint_reminder',
  'staff_new_complaint',
  'staff_assigned',
  'staff_first_reminder',
  'staff_second_reminder',
  'staff_overdue',
  'staff_escalated',
  'staff_explanation_request',
  'staff_threshold_breach',
  'complainant_otp',
] as const;
export type MessageTemplateId = (typeof MESSAGE_TEMPLATE_IDS)[number];

export type MessageChannel = 'sms' | 'email';
export type MessageText = { subject: string | null; body: string };
export type TemplateDefinition = {
  channel: MessageChannel;
  /** Who receives it: the complainant (SMS) or a member of staff (e-mail). */
  audience: 'complainant' | 'staff';
  variables: readonly string[];
  texts: Record<Language, MessageText>;
};

const SMS_VARS = ['org', 'ref', 'link', 'support'] as const;
const STAFF_VARS = ['org', 'ref', 'title', 'due', 'name'] as const;

const sms = (ar: string, en: string, extra: readonly string[] = []): TemplateDefinition => ({
  channel: 'sms',
  audience: 'complainant',
  variables: [...SMS_VARS, ...extra],
  texts: { ar: { subject: null, body: ar }, en: { subject: null, body: en } },
});

const email = (ar: MessageText, en: MessageText, extra: readonly string[] = []): TemplateDefinition => ({
  channel: 'email',
  audience: 'staff',
  variables: [...STAFF_VARS, ...extra],
  texts: { ar, en },
});

const lines = (...l: string[]) => l.join('\n');
const HELLO_AR = 'مرحباً {name}،';
const HELLO_EN = 'Hello {name},';
const DETAILS_AR = ['الرقم: {ref}', 'العنوان: {title}', 'موعد الرد: {due}'];
const DETAILS_EN = ['Ref: {ref}', 'Title: {title}', 'Response due: {due}'];
const SIGN_AR = 'مكتب الشكاوى - {org}';
const SIGN_EN = '{org} Complaint Desk';

export const MESSAGE_TEMPLATES: Record<MessageTemplateId, TemplateDefinition> = {
  complaint_received: sms(
    lines('استلام شكوى {org}', 'الرقم: {ref}', 'تم استلام شكواكم. تابع الحالة:', '{link}', 'الدعم: {support}'),
    lines('{org} Complaint Received', 'Ref: {ref}', 'We received your complaint. Track status:', '{link}', 'Support: {support}'),
  ),
  complaint_resolved: sms(
    lines('حل شكوى {org}', 'الرقم: {ref}', 'تم حل شكواكم.', 'الملخص: {summary}', 'تتبع: {link}'),
    lines('{org} Complaint Resolved', 'Ref: {ref}', 'Your complaint has been resolved.', 'Summary: {summary}', 'Track: {link}'),
    ['summary'],
  ),
  complaint_closed: sms(
    lines('إغلاق شكوى {org}', 'الرقم: {ref}', 'تم إغلاق شكواكم.', 'شكراً لتعليقاتكم.', 'تتبع: {link}', 'قيّم خدمتنا: {survey}'),
    lines('{org} Complaint Closed', 'Ref: {ref}', 'Your complaint is now closed.', 'Thank you for your feedback.', 'Track: {link}', 'Rate our service: {survey}'),
    ['survey'],
  ),
  complaint_in_progress: sms(
    lines('شكوى {org}', 'الرقم: {ref}', 'نعمل الآن على شكواكم.', 'تتبع: {link}'),
    lines('{org} Complaint', 'Ref: {ref}', 'We are now working on your complaint.', 'Track: {link}'),
  ),
  complaint_assigned: sms(
    lines('شكوى {org}', 'الرقم: {ref}', 'أُحيلت شكواكم إلى المختص.', 'تتبع: {link}'),
    lines('{org} Complaint', 'Ref: {ref}', 'Your complaint has been passed to the person in charge.', 'Track: {link}'),
  ),
  complaint_reminder: sms(
    lines('شكوى {org}', 'الرقم: {ref}', 'ما زلنا نتابع شكواكم.', 'تتبع: {link}'),
    lines('{org} Complaint', 'Ref: {ref}', 'We are still following up your complaint.', 'Track: {link}'),
  ),
  staff_new_complaint: email(
    { subject: '{org}: شكوى جديدة {ref}', body: lines(HELLO_AR, 'وردت شكوى جديدة لقسمكم.', ...DETAILS_AR, SIGN_AR) },
    { subject: '{org}: new complaint {ref}', body: lines(HELLO_EN, 'A new complaint was received for your department.', ...DETAILS_EN, SIGN_EN) },
  ),
  staff_assigned: email(
    { subject: '{org}: أُسندت إليكم الشكوى {ref}', body: lines(HELLO_AR, 'أُسندت إليكم شكوى.', ...DETAILS_AR, SIGN_AR) },
    { subject: '{org}: complaint {ref} assigned to you', body: lines(HELLO_EN, 'A complaint was assigned to you.', ...DETAILS_EN, SIGN_EN) },
  ),
  staff_first_reminder: email(
    { subject: '{org}: تذكير - الشكوى {ref}', body: lines(HELLO_AR, 'تذكير: الشكوى بانتظار ردكم.', ...DETAILS_AR, SIGN_AR) },
    { subject: '{org}: reminder - complaint {ref}', body: lines(HELLO_EN, 'Reminder: this complaint is waiting for your response.', ...DETAILS_EN, SIGN_EN) },
  ),
  staff_second_reminder: email(
    { subject: 'عاجل - {org}: تذكير ثانٍ - الشكوى {ref}', body: lines(HELLO_AR, 'عاجل: تذكير ثانٍ، الشكوى ما زالت بانتظار ردكم.', ...DETAILS_AR, SIGN_AR) },
    { subject: 'URGENT - {org}: second reminder - complaint {ref}', body: lines(HELLO_EN, 'URGENT: second reminder, this complaint is still waiting for your response.', ...DETAILS_EN, SIGN_EN) },
  ),
  staff_overdue: email(
    { subject: '{org}: تجاوزت الشكوى {ref} موعدها', body: lines(HELLO_AR, 'تجاوزت الشكوى موعد الرد.', ...DETAILS_AR, SIGN_AR) },
    { subject: '{org}: complaint {ref} is overdue', body: lines(HELLO_EN, 'This complaint has passed its response deadline.', ...DETAILS_EN, SIGN_EN) },
  ),
  staff_escalated: email(
    { subject: '{org}: صُعّدت إليكم الشكوى {ref} (المستوى {level})', body: lines(HELLO_AR, 'صُعّدت إليكم شكوى (المستوى {level}).', ...DETAILS_AR, SIGN_AR) },
    { subject: '{org}: complaint {ref} escalated to you (level {level})', body: lines(HELLO_EN, 'A complaint was escalated to you (level {level}).', ...DETAILS_EN, SIGN_EN) },
    ['level'],
  ),
  staff_explanation_request: email(
    {
      subject: '{org}: طلب إفادة - الشكوى {ref}',
      body: lines(HELLO_AR, 'يُطلب منكم تقديم إفادة مكتوبة حول الشكوى {ref}.', '{message}', 'اكتبوا إفادتكم عبر هذا الرابط قبل {due}:', '{link}', SIGN_AR),
    },
    {
      subject: '{org}: explanation requested - complaint {ref}',
      body: lines(HELLO_EN, 'You are asked for a written explanation about complaint {ref}.', '{message}', 'Please write it at this link before {due}:', '{link}', SIGN_EN),
    },
    ['link', 'message'],
  ),
  staff_threshold_breach: email(
    { subject: '{org}: تقييم {score} من 5 للشكوى {ref}', body: lines(HELLO_AR, 'قيّم صاحب الشكوى الخدمة بـ {score} من 5.', 'التعليق: {comment}', 'الرقم: {ref}', 'العنوان: {title}', SIGN_AR) },
    { subject: '{org}: survey score {score} of 5 on complaint {ref}', body: lines(HELLO_EN, 'The complainant rated the service {score} of 5.', 'Comment: {comment}', 'Ref: {ref}', 'Title: {title}', SIGN_EN) },
    ['score', 'comment'],
  ),
  // The tracking page's one-time code (sync-server/public/otp.ts): short, no link.
  complainant_otp: sms(
    lines('{org}: رمز التحقق لمتابعة الشكوى {ref} هو {code}', 'صالح لمدة 10 دقائق. لا تشاركه مع أحد.'),
    lines('{org}: your code to view complaint {ref} is {code}', 'It is valid for 10 minutes. Do not share it.'),
    ['code'],
  ),
};

export function isMessageTemplateId(value: string): value is MessageTemplateId {
  return (MESSAGE_TEMPLATE_IDS as readonly string[]).includes(value);
}

/** One message in one language: the override when given, else the default text. */
export function renderMessage(
  template: MessageTemplateId,
  language: Language,
  values: TemplateValues,
  override: MessageText | null = null,
): MessageText {
  const source = override ?? MESSAGE_TEMPLATES[template].texts[language];
  return {
    subject: source.subject === null ? null : renderTemplate(source.subject, values).replace(/\s*\n\s*/g, ' ').trim(),
    body: renderTemplate(source.body, values).trim(),
  };
}

/**
 * A staff e-mail for someone whose language is not known: Arabic first, then English, in one
 * message (subject "ar | en").
 */
export function renderBilingual(
  template: MessageTemplateId,
  values: TemplateValues,
  overrides: Partial<Record<Language, MessageText>> = {},
): MessageText {
  const ar = renderMessage(template, 'ar', values, overrides.ar ?? null);
  const en = renderMessage(template, 'en', values, overrides.en ?? null);
  const subject = ar.subject === null || en.subject === null ? (ar.subject ?? en.subject) : `${ar.subject} | ${en.subject}`;
  return { subject, body: `${ar.body}\n\n----------\n\n${en.body}` };
}
