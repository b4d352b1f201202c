import type { ComplaintStatus, Language } from '../../shared/enums.ts';

/** Texts of the public tracking page, in plain language for complainants (Arabic first). */
export type TrackingStrings = {
  dir: 'rtl' | 'ltr';
  locale: string;
  title: string;
  formIntro: string;
  formLabel: string;
  formSubmit: string;
  switchLanguage: string;
  reference: string;
  status: string;
  statuses: Record<ComplaintStatus, string>;
  aimBy: (date: string) => string;
  resolution: string;
  timeline: string;
  eventCreated: string;
  eventStatus: (status: string) => string;
  eventReply: string;
  eventSms: string;
  eventEmail: string;
  eventMessage: string;
};

export const TRACKING_STRINGS: Record<Language, TrackingStrings> = {
  ar: {
    dir: 'rtl',
    // Gregorian calendar: the dates on the SMS and the receipt are Gregorian too.
    locale: 'ar-u-ca-gregory',
    title: 'متابعة الشكوى',
    formIntro: 'أدخل رمز المتابعة الموجود في الرسالة النصية التي وصلتك لعرض حالة شكواك.',
    formLabel: 'رمز المتابعة',
    formSubmit: 'عرض الحالة',
    switchLanguage: 'English',
    reference: 'رقم الشكوى',
    status: 'الحالة',
    statuses: {
      PENDING: 'تم استلام شكواك وهي بانتظار المراجعة',
      ASSIGNED: 'تم تحويل شكواك إلى الفريق المختص',
      IN_PROGRESS: 'نعمل على شكواك',
      WAITING_USER: 'ننتظر منك بعض المعلومات',
      ESCALATED: 'تم رفع شكواك إلى الإدارة للمتابعة',
      RESOLVED: 'تم حل شكواك',
      CLOSED: 'تم إغلاق شكواك',
      CANCELLED: 'تم إلغاء الشكوى',
    },
    aimBy: (date) => `نسعى للرد عليك قبل ${date}`,
    resolution: 'ملخص الحل',
    timeline: 'مراحل الشكوى',
    eventCreated: 'تم استلام الشكوى',
    eventStatus: (status) => `تغيرت الحالة: ${status}`,
    eventReply: 'رد من فريق علاقات المرضى',
    eventSms: 'أرسلنا لك رسالة نصية',
    eventEmail: 'أرسلنا لك بريداً إلكترونياً',
    eventMessage: 'أرسلنا لك رسالة',
  },
  en: {
    dir: 'ltr',
    locale: 'en-GB',
    title: 'Track your complaint',
    formIntro: 'Enter the tracking code from the SMS we sent you to see the status of your complaint.',
    formLabel: 'Tracking code',
    formSubmit: 'Show status',
    switchLanguage: 'العربية',
    reference: 'Reference',
    status: 'Status',
    statuses: {
      PENDING: 'We received your complaint and will review it soon',
      ASSIGNED: 'Your complaint is with the team responsible',
      IN_PROGRESS: 'We are working on your complaint',
      WAITING_USER: 'We are waiting for some information from you',
      ESCALATED: 'Your complaint has been raised to management',
      RESOLVED: 'Your complaint has been resolved',
      CLOSED: 'Your complaint is closed',
      CANCELLED: 'This complaint was cancelled',
    },
    aimBy: (date) => `We aim to respond by ${date}`,
    resolution: 'Resolution summary',
    timeline: 'Progress',
    eventCreated: 'Complaint received',
    eventStatus: (status) => `Status changed: ${status}`,
    eventReply: 'Reply from the patient relations team',
    eventSms: 'We sent you an SMS',
    eventEmail: 'We sent you an e-mail',
    eventMessage: 'We sent you a message',
  },
};
