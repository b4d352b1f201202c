import type { SourceKind } from '../shared/enums.ts';
import { generatePassword, hashPassword } from './auth/passwords.ts';
import { withTx, type Pool, type Tx } from './db/pool.ts';
import { getSetting, setSetting } from './db/settings.ts';
import { createDepartment, createHospital, createSlaConfig, createSource, createUser } from './directory.ts';
import { createSlaDefaults } from './sla/defaults.ts';

export { createDepartment, createHospital, createSlaConfig, createSource, createUser } from './directory.ts';

/**
 * First start on an empty database (brief §4 `npm start`): the four sources, one hospital `MAIN`
 * with a few departments, its source-based SLA configs and the group-level administrator
 * `admin`. Runs once per database: a transaction-scoped advisory lock makes a second instance
 * starting at the same time wait, then see the `bootstrapped_at` marker and do nothing.
 * ADMIN_PASSWORD only matters on that first start; later starts never touch the password.
 */
const BOOTSTRAP_LOCK_KEY = 0xb007_57a9;
const MARKER = 'bootstrapped_at';

export const DEFAULT_SOURCES: { code: string; nameEn: string; nameAr: string; kind: SourceKind }[] = [
  { code: 'MOH', nameEn: 'Ministry of Health', nameAr: 'وزارة الصحة', kind: 'external' },
  {
    code: 'CCHI',
    nameEn: 'Council of Cooperative Health Insurance',
    nameAr: 'مجلس الضمان الصحي التعاوني',
    kind: 'external',
  },
  { code: 'PATIENT', nameEn: 'Patient', nameAr: 'مريض', kind: 'internal' },
  { code: 'FAMILY', nameEn: 'Family member', nameAr: 'أحد أفراد الأسرة', kind: 'internal' },
];

/** Source-based SLA table of brief §3 (hours). */
export const SOURCE_SLA_HOURS: Record<string, { sla: number; first: number; second: number; escalate: number }> = {
  MOH: { sla: 24, first: 12, second: 30, escalate: 24 },
  CCHI: { sla: 48, first: 24, second: 60, escalate: 48 },
  PATIENT: { sla: 72, first: 24, second: 72, escalate: 72 },
  FAMILY: { sla: 72, first: 24, second: 72, escalate: 72 },
};

export const DEFAULT_DEPARTMENTS: { code: string; nameEn: string; nameAr: string }[] = [
  { code: 'ER', nameEn: 'Emergency', nameAr: 'الطوارئ' },
  { code: 'OPD', nameEn: 'Outpatient Clinics', nameAr: 'العيادات الخارجية' },
  { code: 'IPD', nameEn: 'Inpatient Wards', nameAr: 'أجنحة التنويم' },
  { code: 'PHARM', nameEn: 'Pharmacy', nameAr: 'الصيدلية' },
  { code: 'RAD', nameEn: 'Radiology', nameAr: 'الأشعة' },
];

/** The source-based SLA configs of one hospital (used for MAIN and by the demo for others). */
export async function createSourceSlaConfigs(
  tx: Tx,
  hospitalId: string,
  now: number,
  skipSources: ReadonlySet<string> = new Set(),
): Promise<number> {
  let created = 0;
  for (const [sourceCode, h] of Object.entries(SOURCE_SLA_HOURS)) {
    if (skipSources.has(sourceCode)) continue;
    created++;
    await createSlaConfig(tx, {
      hospitalId,
      sourceCode,
      severity: null,
      priority: null,
      slaHours: h.sla,
      firstReminderHoursAfter: h.first,
      secondReminderHoursAfter: h.second,
      escalationHoursAfter: h.escalate,
      reminderHoursBefore: 24,
      secondReminderEnabled: true,
      secondReminderHoursBefore: 6,
      thankYouEnabled: false,
      now,
    });
  }
  return created;
}

export type BootstrapResult = {
  /** False when the database was bootstrapped before (nothing done). */
  created: boolean;
  /** The generated administrator password, to print once; null when given or not created. */
  generatedAdminPassword: string | null;
};

export async function bootstrap(
  pool: Pool,
  options: { now: number; adminPassword: string | null },
): Promise<BootstrapResult> {
  return withTx(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    if ((await getSetting(tx, MARKER)) !== null) return { created: false, generatedAdminPassword: null };
    const { now } = options;
    const generated = options.adminPassword === null ? generatePassword() : null;
    // Hash before the first replicated write: that write takes the seq lock until commit.
    const passwordHash = await hashPassword(options.adminPassword ?? generated ?? '');
    for (const s of DEFAULT_SOURCES) await createSource(tx, { ...s, now });
    const main = await createHospital(tx, {
      code: 'MAIN',
      nameEn: 'Main Hospital',
      nameAr: 'المستشفى الرئيسي',
      now,
    });
    for (const d of DEFAULT_DEPARTMENTS) await createDepartment(tx, { ...d, hospitalId: main.id, now });
    await createSourceSlaConfigs(tx, main.id, now);
    await createSlaDefaults(tx, main.id, now);
    await createUser(tx, {
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin',
      hospitalId: null,
      password: null,
      passwordHash,
      now,
    });
    await setSetting(tx, MARKER, new Date(now).toISOString());
    return { created: true, generatedAdminPassword: generated };
  });
}
