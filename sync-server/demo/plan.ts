import type { ComplaintStatus, Priority, Severity } from '../../shared/enums.ts';
import { CHANNELS, PRIORITIES, SEVERITIES } from '../../shared/enums.ts';
import type { Channel } from '../../shared/enums.ts';

/**
 * The demo group as data: hospitals, staff per hospital and complaints with the life each one
 * has lived so far. Pure and seeded, so the same seed and start time give the same demo.
 */

/** mulberry32: a tiny seeded generator; the demo needs repeatable, not secure, randomness. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_HOSPITALS = [
  { code: 'KFH', nameEn: 'King Fahd Hospital', nameAr: 'مستشفى الملك فهد' },
  { code: 'KKH', nameEn: 'King Khalid Hospital', nameAr: 'مستشفى الملك خالد' },
  { code: 'MCH', nameEn: 'Maternity and Children Hospital', nameAr: 'مستشفى الولادة والأطفال' },
  { code: 'PSH', nameEn: 'Prince Sultan Hospital', nameAr: 'مستشفى الأمير سلطان' },
] as const;

const TOPICS: { en: string; ar: string; category: string }[] = [
  { en: 'Long waiting time in the clinic', ar: 'طول فترة الانتظار في العيادة', category: 'waiting_time' },
  { en: 'Appointment cancelled without notice', ar: 'إلغاء الموعد دون إشعار', category: 'appointments' },
  { en: 'Rude behaviour at reception', ar: 'سوء تعامل موظف الاستقبال', category: 'staff_behaviour' },
  { en: 'Medication not available in pharmacy', ar: 'عدم توفر الدواء في الصيدلية', category: 'pharmacy' },
  { en: 'Room cleanliness', ar: 'نظافة الغرفة', category: 'facilities' },
  { en: 'Delay in radiology report', ar: 'تأخر تقرير الأشعة', category: 'diagnostics' },
  { en: 'Billing error on invoice', ar: 'خطأ في الفاتورة', category: 'billing' },
  { en: 'Insurance approval delayed', ar: 'تأخر موافقة التأمين', category: 'insurance' },
];
const PRAISE = [
  { en: 'Thank you to the emergency team, excellent care', ar: 'شكراً لفريق الطوارئ على الرعاية الممتازة' },
  { en: 'The nurses were wonderful', ar: 'الممرضات كن رائعات' },
];
const NAMES = ['محمد العتيبي', 'نورة القحطاني', 'عبدالله الشهري', 'Sara Ahmed', 'فاطمة الزهراني', 'Khalid Omar', 'ريم الدوسري', 'John Smith'];

/** How far along its life each complaint is: the statuses it passed through, in order. */
const LIVES: ComplaintStatus[][] = [
  [],
  ['ASSIGNED'],
  ['ASSIGNED', 'IN_PROGRESS'],
  ['ASSIGNED', 'IN_PROGRESS', 'WAITING_USER'],
  ['ASSIGNED', 'IN_PROGRESS', 'ESCALATED'],
  ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED'],
  ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  ['CANCELLED'],
];

export type PlannedComplaint = {
  hospitalIndex: number;
  departmentIndex: number;
  sourceCode: string;
  channel: Channel;
  severity: Severity;
  priority: Priority;
  appreciation: boolean;
  title: string;
  description: string;
  category: string;
  name: string;
  phone: string;
  language: 'ar' | 'en';
  createdAt: number;
  /** Each step after creation, with the time it happened. */
  steps: { to: ComplaintStatus; at: number }[];
};

const HOUR = 3_600_000;

export function planComplaints(opts: { count: number; hospitals: number; departments: number; now: number; seed: number }): PlannedComplaint[] {
  const rnd = seededRandom(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: PlannedComplaint[] = [];
  for (let i = 0; i < opts.count; i++) {
    const appreciation = rnd() < 0.05;
    const language = rnd() < 0.8 ? 'ar' : 'en';
    const topic = pick(TOPICS);
    const praise = pick(PRAISE);
    // Older complaints are further along; the newest few days are mostly still open.
    const ageHours = Math.floor(rnd() * 120 * 24);
    const createdAt = opts.now - ageHours * HOUR - Math.floor(rnd() * HOUR);
    const life = appreciation ? ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as ComplaintStatus[] : pick(LIVES);
    const usable = ageHours < 48 ? life.slice(0, Math.min(life.length, 2)) : life;
    let at = createdAt;
    const steps = usable.map((to) => {
      at = Math.min(opts.now, at + Math.max(1, Math.floor(rnd() * ageHours * 0.3)) * HOUR);
      return { to, at };
    });
    out.push({
      hospitalIndex: Math.floor(rnd() * opts.hospitals),
      departmentIndex: Math.floor(rnd() * opts.departments),
      sourceCode: pick(['PATIENT', 'PATIENT', 'PATIENT', 'FAMILY', 'FAMILY', 'MOH', 'CCHI']),
      channel: pick(CHANNELS),
      severity: pick(SEVERITIES),
      priority: pick(PRIORITIES),
      appreciation,
      title: appreciation ? (language === 'ar' ? praise.ar : praise.en) : language === 'ar' ? topic.ar : topic.en,
      description: appreciation
        ? (language === 'ar' ? praise.ar : praise.en)
        : language === 'ar'
          ? `${topic.ar}. يرجى المتابعة.`
          : `${topic.en}. Please follow up.`,
      category: appreciation ? 'appreciation' : topic.category,
      name: pick(NAMES),
      phone: `05${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      language,
      createdAt,
      steps,
    });
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}
