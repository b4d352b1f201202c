import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canAdminister } from '../../shared/admin-access.ts';
import { passwordSchema } from '../../shared/admin-documents.ts';
import { hashPassword } from '../auth/passwords.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { ServerDeps } from '../deps.ts';
import { HttpError, notFound } from '../http.ts';
import { gate, type CreateExtras } from './crud-routes.ts';
import { revokeSessions, staffAdmin } from './resources.ts';
import { readAdminDoc, recordAdminChange } from './store.ts';

/**
 * Passwords of staff: optional when an administrator creates someone (without one the entry is
 * in the directory but cannot log in), and set or reset later with
 * POST /api/v1/admin/staff/:id/password {password} → 204. A reset signs the person out
 * everywhere (their refresh tokens are revoked). The audit row says a password was set, never what.
 */
export const staffCreateExtras: CreateExtras = async (raw) => {
  const { password, ...body } = raw;
  if (password === undefined || password === null || password === '') return { body, columns: { password_hash: null } };
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new HttpError(422, { error: 'validation_failed', fields: { password: parsed.error.issues[0]?.code ?? 'invalid' } });
  return { body, columns: { password_hash: await hashPassword(parsed.data) } };
};

export async function staffPasswordRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock } = deps;
  app.post<{ Params: { id: string } }>('/api/v1/admin/staff/:id/password', async (request, reply) => {
    gate(request, staffAdmin);
    const { password } = z.object({ password: passwordSchema }).strict().parse(request.body ?? {});
    const hash = await hashPassword(password);
    await withTxRetry(pool, async (tx) => {
      const staff = await readAdminDoc(tx, staffAdmin, request.params.id, true);
      if (!staff || !canAdminister(request.user, 'staff', staff.hospitalId)) throw notFound();
      const now = clock.now();
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [staff.id, hash]);
      await revokeSessions(tx, staff.id);
      await recordAdminChange(tx, {
        action: 'password', actorId: request.user.id, now, hospitalId: staff.hospitalId, collection: 'staff', docId: staff.id, before: null, after: null,
      });
    });
    return reply.code(204).send();
  });
}
