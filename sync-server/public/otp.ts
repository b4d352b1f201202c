import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Language } from '../../shared/enums.ts';
import type { PlannedMessage } from '../../shared/notifications/plan.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { Pool, Tx } from '../db/pool.ts';
import { insertMessages } from '../notifications/store.ts';

/**
 * One-time codes for a complainant who has the reference but not the tracking link: they give the
 * complaint's mobile number, and if it is the one on file the server sends a 6-digit code there
 * by SMS (through the notification outbox, template `complainant_otp`); the right code opens the
 * page. Only a salted SHA-256 of the code is kept (table `public_codes`, migration 008), it lives
 * `CODE_TTL_MS`, allows `CODE_ATTEMPTS` tries, and only the newest code of a reference counts.
 * At most `CODES_PER_HOUR` codes are sent per reference, so nobody can flood a phone.
 *
 * Callers answer the same whatever these functions find (the caller does not even wait for
 * `issueCode`): "if the number matches, we sent a code".
 */
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_ATTEMPTS = 5;
export const CODES_PER_HOUR = 3;
export const OTP_TEMPLATE = 'complainant_otp';

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function codeHash(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`, 'utf8').digest('hex');
}

/** Six digits as typed (Arabic-Indic digits and spaces allowed), or null. */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = raw
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

export type IssueOutcome = 'sent' | 'no_match' | 'too_many';

type ComplaintForCode = { id: string; hospital_id: string; phone: string | null; opted_out: boolean };

/**
 * Sends a code when `phone` (E.164) is the complaint's number. The complaint row is locked (the
 * first lock, as every writer takes it) so two requests cannot both pass the hourly count.
 */
export async function issueCode(pool: Pool, input: { reference: string; phone: string; language: Language; now: number }): Promise<IssueOutcome> {
  return withTxRetry(pool, async (tx) => {
    const { rows } = await tx.query<ComplaintForCode>(
      `SELECT id, hospital_id, complainant_phone AS phone, coalesce((doc->'complainant'->>'smsOptOut')::boolean, false) AS opted_out
       FROM complaints WHERE reference_number = $1 AND NOT deleted FOR UPDATE`,
      [input.reference],
    );
    const c = rows[0];
    if (!c || c.phone === null || c.phone !== input.phone) return 'no_match';
    const { rows: recent } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM public_codes WHERE reference_number = $1 AND created_at > $2',
      [input.reference, input.now - 60 * 60_000],
    );
    if ((recent[0]?.n ?? 0) >= CODES_PER_HOUR) return 'too_many';
    const id = randomUUID();
    const code = newCode();
    await tx.query(
      `INSERT INTO public_codes (id, complaint_id, reference_number, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, c.id, input.reference, codeHash(id, code), input.now, input.now + CODE_TTL_MS],
    );
    await queueCodeSms(tx, { id, complaintId: c.id, hospitalId: c.hospital_id, phone: c.phone, optedOut: c.opted_out, reference: input.reference, code, language: input.language }, input.now);
    return 'sent';
  });
}

/**
 * The SMS goes through the outbox like every other message (retries, the gateway's idempotency
 * key, the opt-out). Its `communication` event says only "SMS, complainant_otp, sent"; the public
 * page turns it into "we sent you an SMS" like any other.
 */
async function queueCodeSms(
  tx: Tx,
  m: { id: string; complaintId: string; hospitalId: string; phone: string; optedOut: boolean; reference: string; code: string; language: Language },
  now: number,
): Promise<void> {
  const planned: PlannedMessage = {
    key: `otp:${m.id}:sms:${OTP_TEMPLATE}:complainant`,
    complaintId: m.complaintId,
    hospitalId: m.hospitalId,
    causeId: m.id,
    channel: 'sms',
    template: OTP_TEMPLATE,
    language: m.language,
    recipient: m.phone,
    recipientRef: 'complainant',
    status: m.optedOut ? 'opted_out' : 'queued',
    variables: { ref: m.reference, code: m.code },
  };
  await insertMessages(tx, [planned], now);
}

/**
 * Checks a code against the newest code of the reference. Each check counts as an attempt; the
 * right one is used up at once. Returns the complaint's current tracking secret, or null.
 */
export async function verifyCode(pool: Pool, input: { reference: string; code: string; now: number }): Promise<string | null> {
  return withTxRetry(pool, async (tx) => {
    const { rows } = await tx.query<{ id: string; code_hash: string; expires_at: number; attempts: number; used_at: number | null; secret: string | null }>(
      `SELECT p.id, p.code_hash, p.expires_at, p.attempts, p.used_at,
              (SELECT c.tracking_secret FROM complaints c WHERE c.id = p.complaint_id AND NOT c.deleted) AS secret
       FROM public_codes p WHERE p.reference_number = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT 1 FOR UPDATE OF p`,
      [input.reference],
    );
    const row = rows[0];
    if (!row || row.used_at !== null || Number(row.expires_at) <= input.now || row.attempts >= CODE_ATTEMPTS) return null;
    const ok = timingSafeEqual(Buffer.from(codeHash(row.id, input.code), 'hex'), Buffer.from(row.code_hash, 'hex'));
    await tx.query('UPDATE public_codes SET attempts = attempts + 1, used_at = CASE WHEN $2 THEN $3::bigint ELSE used_at END WHERE id = $1', [row.id, ok, input.now]);
    return ok ? row.secret : null;
  });
}

/** A rotated secret ends every code of the complaint as well. */
export async function dropCodes(tx: Tx, complaintId: string): Promise<void> {
  await tx.query('DELETE FROM public_codes WHERE complaint_id = $1', [complaintId]);
}
