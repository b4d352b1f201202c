import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../shared/enums.ts';
import { normalizePhone } from '../../shared/phone.ts';
import { allowedHospitalIds, canSeeHospital, requireRole } from '../auth/access.ts';
import { findHospital } from '../complaints/lookups.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { forbidden, HttpError, notFound, unauthorized } from '../http.ts';
import { readContact, readSettings, saveContact, saveSettings } from './contacts.ts';
import { applyInbound, applyReceipt, inboundActionOf, receiptStatusOf } from './provider.ts';
import { findMessage, listByStatus, requeueMessage, RETRYABLE_STATUSES, type OutboxStatus } from './store.ts';

/**
 * The outbox over HTTP.
 *
 * Staff (bearer; admin, px_admin, hospital_admin — each within the hospitals they may see):
 *   GET  /api/v1/notifications?status=dead&limit=100   → 200 {data:[{id, complaintId, hospitalId, channel, to, template,
 *        language, status, attempts, providerId, error, createdAt, updatedAt}]}, newest first (the dead letters)
 *   POST /api/v1/notifications/:id/retry                → 200 the message, queued again with fresh attempts (same
 *        reference); 409 {error:'not_retryable', status} unless dead or not_sent; 404 unknown or another hospital's
 *   GET|PUT /api/v1/hospitals/:id/notification-settings {smsOnInProgress, smsOnAssignment, smsOnSlaReminder}
 *        → 200 the settings (all off by default)
 *   GET|PUT /api/v1/staff/:id/contact {email|null, language 'ar'|'en'|null} → 200 the contact. Also each user for
 *        themselves. Staff e-mail goes to this address, in this language (both when null).
 *
 * The SMS provider (no bearer; HTTP Basic with SMS_GATEWAY_USERNAME / SMS_GATEWAY_PASSWORD; 401 otherwise or when
 * no gateway is configured):
 *   POST /api/v1/sms/receipts {reference | id, status, error?}  reference = ours (sent as `reference`), id = the
 *        provider's; status delivered | failed | undelivered | rejected | expired → 200 {result}; 404 unknown
 *        message; 409 {error:'not_sent_yet'} while our own record of the send is still being written (retry)
 *   POST /api/v1/sms/inbound {from, text}   STOP (also إيقاف …) opts the number out, START lifts it → 200 {action}
 */
const STAFF_ADMINS = ['admin', 'px_admin', 'hospital_admin'] as const;

const listQuery = z.object({
  status: z.enum(['queued', 'sending', 'retrying', 'sent', 'delivered', 'failed', 'dead', 'not_sent', 'opted_out']).default('dead'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const settingsBody = z.object({ smsOnInProgress: z.boolean(), smsOnAssignment: z.boolean(), smsOnSlaReminder: z.boolean() }).strict();
const contactBody = z.object({ email: z.string().trim().email().max(254).nullable(), language: z.enum(LANGUAGES).nullable() }).strict();
const receiptBody = z
  .object({
    reference: z.string().min(1).max(200).optional(),
    id: z.union([z.string().min(1).max(200), z.number()]).optional(),
    status: z.string().min(1).max(40),
    error: z.string().max(500).optional(),
  })
  .refine((b) => b.reference !== undefined || b.id !== undefined, { message: 'reference or id is required', path: ['reference'] });
const inboundBody = z.object({ from: z.string().min(3).max(40), text: z.string().max(1_600) });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock, config } = deps;

  function checkGateway(request: FastifyRequest): void {
    const { smsGatewayUrl, smsGatewayUsername: user, smsGatewayPassword: pass } = config;
    const header = request.headers.authorization ?? '';
    if (smsGatewayUrl === null || user === null || pass === null || !header.startsWith('Basic ')) throw unauthorized();
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0 || !sameSecret(decoded.slice(0, colon), user) || !sameSecret(decoded.slice(colon + 1), pass)) throw unauthorized();
  }

  app.get('/api/v1/notifications', { preHandler: requireRole(...STAFF_ADMINS) }, async (request) => {
    const q = listQuery.parse(request.query);
    const hospitals = await allowedHospitalIds(pool, request.user);
    return { data: await listByStatus(pool, hospitals, q.status as OutboxStatus, q.limit) };
  });

  app.post<{ Params: { id: string } }>('/api/v1/notifications/:id/retry', { preHandler: requireRole(...STAFF_ADMINS) }, async (request) => {
    const found = await findMessage(pool, request.params.id);
    if (!found || !canSeeHospital(request.user, found.hospitalId)) throw notFound();
    const queued = await withTxRetry(pool, (tx) => requeueMessage(tx, found.id, clock.now()));
    if (!queued) throw new HttpError(409, { error: 'not_retryable', status: found.status, retryable: [...RETRYABLE_STATUSES] });
    request.log.info({ messageId: found.id, by: request.user.id }, 'notification queued again by staff');
    return findMessage(pool, found.id);
  });

  async function visibleHospital(request: FastifyRequest, id: string): Promise<string> {
    if (!canSeeHospital(request.user, id) || !(await findHospital(pool, id))) throw notFound();
    return id;
  }

  app.get<{ Params: { id: string } }>('/api/v1/hospitals/:id/notification-settings', { preHandler: requireRole(...STAFF_ADMINS) }, async (request) =>
    readSettings(pool, await visibleHospital(request, request.params.id)),
  );

  app.put<{ Params: { id: string } }>('/api/v1/hospitals/:id/notification-settings', { preHandler: requireRole(...STAFF_ADMINS) }, async (request) => {
    const body = settingsBody.parse(request.body);
    const hospitalId = await visibleHospital(request, request.params.id);
    await saveSettings(pool, hospitalId, body, request.user.id, clock.now());
    return readSettings(pool, hospitalId);
  });

  /** Someone may read and change a contact: the staff member, or an admin who may see them. */
  async function contactTarget(request: FastifyRequest, userId: string): Promise<string> {
    const { rows } = await pool.query<{ hospital_id: string | null }>('SELECT hospital_id FROM users WHERE id = $1 AND NOT deleted', [userId]);
    const row = rows[0];
    if (!row) throw notFound();
    if (request.user.id === userId) return userId;
    const isAdmin = (STAFF_ADMINS as readonly string[]).includes(request.user.role);
    // Group-level staff are only for group-level admins.
    const visible = row.hospital_id === null ? request.user.hospitalId === null : canSeeHospital(request.user, row.hospital_id);
    if (!visible) throw notFound();
    if (!isAdmin) throw forbidden();
    return userId;
  }

  app.get<{ Params: { id: string } }>('/api/v1/staff/:id/contact', async (request) => readContact(pool, await contactTarget(request, request.params.id)));

  app.put<{ Params: { id: string } }>('/api/v1/staff/:id/contact', async (request) => {
    const body = contactBody.parse(request.body);
    const userId = await contactTarget(request, request.params.id);
    await saveContact(pool, { userId, email: body.email, language: body.language }, request.user.id, clock.now());
    return readContact(pool, userId);
  });

  app.post('/api/v1/sms/receipts', { config: { public: true } }, async (request) => {
    checkGateway(request);
    const body = receiptBody.parse(request.body);
    const status = receiptStatusOf(body.status);
    if (status === null) throw new HttpError(422, { error: 'validation_failed', fields: { status: 'unknown' } });
    const result = await withTxRetry(pool, (tx) =>
      applyReceipt(tx, { reference: body.reference ?? null, providerId: body.id === undefined ? null : String(body.id), status, error: body.error ?? null }, clock.now()),
    );
    if (result === 'unknown') throw notFound();
    if (result === 'not_sent_yet') throw new HttpError(409, { error: 'not_sent_yet' });
    return { result };
  });

  app.post('/api/v1/sms/inbound', { config: { public: true } }, async (request) => {
    checkGateway(request);
    const body = inboundBody.parse(request.body);
    const phone = normalizePhone(body.from);
    if (!phone.ok) throw new HttpError(422, { error: 'validation_failed', fields: { from: phone.error } });
    const action = inboundActionOf(body.text);
    const complaints = await withTxRetry(pool, (tx) => applyInbound(tx, phone.e164, action, clock.now()));
    if (action !== 'ignored') request.log.info({ action, complaints }, 'SMS reply from a complainant');
    return { action };
  });
}
