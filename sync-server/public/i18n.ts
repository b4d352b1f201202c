import type { ComplaintStatus, Language } from '../../shared/enums.ts';

/**
 * Texts of the complainant's tracking, verification and one-time-code pages, in plain language
 * (Arabic first). Each status has a short name and a sentence saying what it means for them.
 */
export type TrackingStrings = {
  dir: 'rtl' | 'ltr';
  title: string;
  switchLanguage: string;
  reference: string;
  hospital: string;
  status: string;
  statuses: Record<ComplaintStatus, string>;
  explanations: Record<ComplaintStatus, string>;
  /** Followed by the target date. */
  aimBy: string;
  resolution: string;
  timeline: string;
  eventCreated: string;
  eventStatus: (status: string) => string;
  eventReply: string;
  eventSms: string;
  eventEmail: string;
  eventMessage: string;
  eventSurvey: string;
  surveyInvite: string;
  surveyLink: string;
  keepPrivate: string;
  support: (phone: string) => string;
  // Verification (no or wrong tracking code)
  formIntro: string;
  formLabel: string;
  formSubmit: string;
  or: string;
  phoneIntro: string;
  phoneLabel: string;
  phoneHint: string;
  phoneSubmit: string;
  phoneInvalid: string;
  // One-time code
  codeTitle: string;
  codeSent: string;
  codeLabel: string;
  codeHint: string;
  codeSubmit: string;
  codeWrong: string;
  codeAgain: string;
  // Too many attempts
  limitedTitle: string;
  limitedText: string;
};

export const TRACKING_STRINGS: Record<Language, TrackingStrings> = {
  ar: {
    dir: 'rtl',
    title: 'متابعة الشكوى',
    switchLanguage: 'English',
    reference: 'رقم الشكوى',
    hospital: 'المستشفى',
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
    explanations: {
      PENDING: 'وصلتنا شكواك. سيراجعها فريق علاقات المرضى ويحيلها إلى القسم المختص.',
      ASSIGNED: 'القسم المسؤول استلم شكواك وسيبدأ في دراستها.',
      IN_PROGRESS: 'الفريق يتحقق مما حدث. سنتواصل معك إذا احتجنا إلى أي معلومات.',
      WAITING_USER: 'نحتاج إلى معلومات منك لنكمل. يرجى الرد على اتصالنا أو رسالتنا، أو التواصل مع مكتب علاقات المرضى.',
      ESCALATED: 'رُفعت شكواك إلى الإدارة العليا لتحظى بالاهتمام اللازم.',
      RESOLVED: 'عالجنا شكواك، ويوضح الملخص أدناه ما تم. إذا لم تكن راضياً فتواصل مع مكتب علاقات المرضى.',
      CLOSED: 'أُغلقت شكواك. شكراً لمساعدتنا على التحسين.',
      CANCELLED: 'أُلغيت هذه الشكوى ولن تتم متابعتها. تواصل مع مكتب علاقات المرضى إذا كنت ترى أن ذلك خطأ.',
    },
    aimBy: 'نسعى للرد عليك قبل ',
    resolution: 'ملخص الحل',
    timeline: 'مراحل الشكوى',
    eventCreated: 'تم استلام الشكوى',
    eventStatus: (status) => `تغيرت الحالة: ${status}`,
    eventReply: 'رد من فريق علاقات المرضى',
    eventSms: 'أرسلنا لك رسالة نصية',
    eventEmail: 'أرسلنا لك بريداً إلكترونياً',
    eventMessage: 'أرسلنا لك رسالة',
    eventSurvey: 'استلمنا تقييمك، شكراً لك',
    surveyInvite: 'كيف كانت تجربتك؟ شاركنا رأيك في أقل من دقيقة.',
    surveyLink: 'قيّم خدمتنا',
    keepPrivate: 'احتفظ بهذا الرابط لنفسك: كل من يملكه يستطيع رؤية هذه الصفحة.',
    support: (phone) => `للاستفسار: ${phone}`,
    formIntro: 'أدخل رمز المتابعة الموجود في الرسالة النصية أو الإيصال لعرض حالة شكواك.',
    formLabel: 'رمز المتابعة',
    formSubmit: 'عرض الحالة',
    or: 'أو',
    phoneIntro: 'لا تجد الرمز؟ أدخل رقم الجوال المسجل في الشكوى لنرسل إليه رمز تحقق لمرة واحدة.',
    phoneLabel: 'رقم الجوال',
    phoneHint: 'مثال: 05xxxxxxxx',
    phoneSubmit: 'أرسل رمز التحقق',
    phoneInvalid: 'رقم الجوال غير صحيح. اكتبه مثل 0551234567.',
    codeTitle: 'رمز التحقق',
    codeSent: 'إذا كان الرقم مطابقاً للرقم المسجل في الشكوى فقد أرسلنا إليه رمزاً من 6 أرقام، صالحاً لمدة 10 دقائق.',
    codeLabel: 'رمز التحقق (6 أرقام)',
    codeHint: 'اكتب الأرقام الستة كما وصلتك.',
    codeSubmit: 'تحقق وعرض الحالة',
    codeWrong: 'الرمز غير صحيح أو انتهت صلاحيته. حاول مرة أخرى أو اطلب رمزاً جديداً.',
    codeAgain: 'اطلب رمزاً جديداً',
    limitedTitle: 'محاولات كثيرة',
    limitedText: 'تلقينا محاولات كثيرة. يرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.',
  },
  en: {
    dir: 'ltr',
    title: 'Track your complaint',
    switchLanguage: 'العربية',
    reference: 'Reference',
    hospital: 'Hospital',
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
    explanations: {
      PENDING: 'We have your complaint. The patient relations team will review it and pass it to the right department.',
      ASSIGNED: 'The department responsible has your complaint and will look into it.',
      IN_PROGRESS: 'The team is looking into what happened. We will contact you if we need anything.',
      WAITING_USER: 'We need some information from you to continue. Please answer our call or message, or contact the patient relations office.',
      ESCALATED: 'Your complaint has been raised to senior management so that it gets the attention it needs.',
      RESOLVED: 'We have dealt with your complaint; the summary below says what was done. If you are not satisfied, contact the patient relations office.',
      CLOSED: 'Your complaint is closed. Thank you for helping us improve.',
      CANCELLED: 'This complaint was cancelled and will not be followed up. Contact the patient relations office if you think this is a mistake.',
    },
    aimBy: 'We aim to respond by ',
    resolution: 'Resolution summary',
    timeline: 'Progress',
    eventCreated: 'Complaint received',
    eventStatus: (status) => `Status changed: ${status}`,
    eventReply: 'Reply from the patient relations team',
    eventSms: 'We sent you an SMS',
    eventEmail: 'We sent you an e-mail',
    eventMessage: 'We sent you a message',
    eventSurvey: 'We received your feedback, thank you',
    surveyInvite: 'How did we do? Tell us in less than a minute.',
    surveyLink: 'Rate our service',
    keepPrivate: 'Keep this link to yourself: anyone who has it can see this page.',
    support: (phone) => `Questions: ${phone}`,
    formIntro: 'Enter the tracking code from the SMS or the receipt we gave you to see the status of your complaint.',
    formLabel: 'Tracking code',
    formSubmit: 'Show status',
    or: 'or',
    phoneIntro: 'No code? Enter the mobile number given with the complaint and we will send a one-time code to it.',
    phoneLabel: 'Mobile number',
    phoneHint: 'For example 05xxxxxxxx',
    phoneSubmit: 'Send me a code',
    phoneInvalid: 'That mobile number is not valid. Write it like 0551234567.',
    codeTitle: 'One-time code',
    codeSent: 'If the number matches the one given with the complaint, we have sent it a 6-digit code. It is valid for 10 minutes.',
    codeLabel: 'One-time code (6 digits)',
    codeHint: 'Type the six digits as you received them.',
    codeSubmit: 'Check and show status',
    codeWrong: 'That code is not right or has expired. Try again or ask for a new code.',
    codeAgain: 'Ask for a new code',
    limitedTitle: 'Too many attempts',
    limitedText: 'We received too many attempts. Please wait a few minutes and try again.',
  },
};

/** Texts of the satisfaction survey page. */
export type SurveyStrings = {
  title: string;
  intro: string;
  reference: string;
  scoreLegend: string;
  scores: Record<1 | 2 | 3 | 4 | 5, string>;
  commentLabel: string;
  commentHint: string;
  submit: string;
  scoreMissing: string;
  commentTooLong: string;
  thanksTitle: string;
  thanksText: string;
  doneTitle: string;
  doneText: string;
  notYetTitle: string;
  notYetText: string;
  invalidTitle: string;
  invalidText: string;
  trackLink: string;
};

export const SURVEY_STRINGS: Record<Language, SurveyStrings> = {
  ar: {
    title: 'استبيان الرضا',
    intro: 'أُغلقت شكواك. ساعدنا على التحسين بتقييم تجربتك معنا.',
    reference: 'رقم الشكوى',
    scoreLegend: 'ما مدى رضاك عن طريقة التعامل مع شكواك؟',
    scores: { 1: '1 - غير راضٍ إطلاقاً', 2: '2 - غير راضٍ', 3: '3 - محايد', 4: '4 - راضٍ', 5: '5 - راضٍ جداً' },
    commentLabel: 'تعليقك (اختياري)',
    commentHint: 'لا تكتب معلومات طبية أو شخصية.',
    submit: 'إرسال التقييم',
    scoreMissing: 'يرجى اختيار تقييم من 1 إلى 5.',
    commentTooLong: 'التعليق طويل جداً (2000 حرف كحد أقصى).',
    thanksTitle: 'شكراً لك',
    thanksText: 'استلمنا تقييمك، وسيساعدنا على تحسين خدماتنا.',
    doneTitle: 'تم استلام تقييمك سابقاً',
    doneText: 'أرسلت تقييمك لهذه الشكوى من قبل، ويُقبل تقييم واحد فقط. شكراً لك.',
    notYetTitle: 'الاستبيان غير متاح بعد',
    notYetText: 'يُفتح الاستبيان بعد إغلاق الشكوى. يمكنك متابعة حالتها من صفحة المتابعة.',
    invalidTitle: 'الرابط غير صالح',
    invalidText: 'هذا الرابط غير صالح. استخدم الرابط الذي وصلك في الرسالة النصية.',
    trackLink: 'متابعة الشكوى',
  },
  en: {
    title: 'Satisfaction survey',
    intro: 'Your complaint is closed. Help us improve by rating how we handled it.',
    reference: 'Reference',
    scoreLegend: 'How satisfied are you with how your complaint was handled?',
    scores: { 1: '1 - Very dissatisfied', 2: '2 - Dissatisfied', 3: '3 - Neutral', 4: '4 - Satisfied', 5: '5 - Very satisfied' },
    commentLabel: 'Your comment (optional)',
    commentHint: 'Please do not write medical or personal details.',
    submit: 'Send my rating',
    scoreMissing: 'Please choose a rating from 1 to 5.',
    commentTooLong: 'The comment is too long (2,000 characters at most).',
    thanksTitle: 'Thank you',
    thanksText: 'We received your rating. It helps us improve our service.',
    doneTitle: 'We already have your rating',
    doneText: 'You already rated this complaint, and only one rating is accepted. Thank you.',
    notYetTitle: 'The survey is not open yet',
    notYetText: 'The survey opens once your complaint is closed. You can follow it on the tracking page.',
    invalidTitle: 'This link is not valid',
    invalidText: 'This link is not valid. Please use the link from the SMS we sent you.',
    trackLink: 'Track your complaint',
  },
};
