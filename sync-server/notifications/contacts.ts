import type { ComplaintDoc } from '../../shared/documents.ts';
import { complaintDocSchema } from '../../shared/documents.ts';
import type { Language } from '../../shared/enums.ts';
import { DEFAULT_NOTIFICATION_SETTINGS, type HospitalNotificationSettings } from '../../shared/notifications/plan.ts';
import { pick } from '../complaints/store.ts';
import type { Queryable, Tx } from '../db/pool.ts';

/** Staff e-mail addresses and languages, hospitals' SMS settings, and complaints by phone. */
export type StaffContactRow = { userId: string; email: string | null; language: Language | null };

export async function readContact(q: Queryable, userId: string): Promise<StaffContactRow> {
  const { rows } = await q.query<{ email: string | null; language: Language | null }>('SELECT email, language FROM staff_contacts WHERE user_id = $1', [userId]);
  return { userId, email: rows[0]?.email ?? null, language: rows[0]?.language ?? null };
}

export async function saveContact(q: Queryable, c: StaffContactRow, by: string, now: number): Promise<void> {
  await q.query(
    `INSERT INTO staff_contacts (user_id, email, language, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, language = EXCLUDED.language, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [c.userId, c.email, c.language, now, by],
  );
}

export async function readSettings(q: Queryable, hospitalId: string): Promise<HospitalNotificationSettings> {
  const { rows } = await q.query<{ a: boolean; b: boolean; c: boolean }>(
    'SELECT sms_on_in_progress AS a, sms_on_assignment AS b, sms_on_sla_reminder AS c FROM notification_settings WHERE hospital_id = $1',
    [hospitalId],
  );
  const r = rows[0];
  return r ? { smsOnInProgress: r.a, smsOnAssignment: r.b, smsOnSlaReminder: r.c } : DEFAULT_NOTIFICATION_SETTINGS;
}

export async function saveSettings(q: Queryable, hospitalId: string, s: HospitalNotificationSettings, by: string, now: number): Promise<void> {
  await q.query(
    `INSERT INTO notification_settings (hospital_id, sms_on_in_progress, sms_on_assignment, sms_on_sla_reminder, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (hospital_id) DO UPDATE SET sms_on_in_progress = EXCLUDED.sms_on_in_progress, sms_on_assignment = EXCLUDED.sms_on_assignment,
       sms_on_sla_reminder = EXCLUDED.sms_on_sla_reminder, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [hospitalId, s.smsOnInProgress, s.smsOnAssignment, s.smsOnSlaReminder, now, by],
  );
}

const COMPLAINT_KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];

/** Every complaint of a phone number, locked in id order (the lock order of every writer). */
export async function lockComplaintsByPhone(tx: Tx, phone: string): Promise<ComplaintDoc[]> {
  const { rows } = await tx.query<{ doc: unknown }>(
    'SELECT doc FROM complaints WHERE complainant_phone = $1 AND NOT deleted ORDER BY id FOR UPDATE',
    [phone],
  );
  return rows.map((r) => pick<ComplaintDoc>(r.doc, COMPLAINT_KEYS));
}
