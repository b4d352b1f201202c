import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  cleanAttachmentName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_COMPLAINT,
  type AttachmentType,
} from '../../shared/attachments.ts';
import { id } from '../../shared/documents.ts';
import { BlobRejected, blobPath, readBlob, sweepTemporaryFiles, writeBlob } from '../attachments/files.ts';
import { countAttachments, findAttachment, insertAttachment, type AttachmentRow } from '../attachments/store.ts';
import { canSeeHospital } from '../auth/access.ts';
import { findComplaint, type ComplaintRow } from '../complaints/store.ts';
import type { ServerDeps } from '../deps.ts';
import { conflict, notFound } from '../http.ts';

/**
 * Attachment bytes (issue 6, detail). The metadata reaches the timeline as the desk's
 * `attachment_added` event (its id is the attachment id); these routes carry only the file.
 *
 *   PUT /api/v1/complaints/:complaintId/attachments/:attachmentId[?name=…]   (bearer, body = the bytes)
 *     → 201 {id, complaintId, name, type, size, sha256, uploadedAt}; 200 the same for a repeat of
 *       the same bytes (idempotent). The type is the bytes' (magic numbers), whatever Content-Type says.
 *     404 complaint unknown or of another hospital; 409 {error:'attachment_conflict'} the id is
 *     taken by other bytes or another complaint; 413 {error:'attachment_rejected', reason:'too_big'};
 *     422 {error:'attachment_rejected', reason:'wrong_type'|'empty'|'too_many'}
 *   GET /api/v1/complaints/:complaintId/attachments/:attachmentId   (bearer) → 200 the bytes, with
 *     the stored type, Content-Disposition inline, nosniff and a sandboxing CSP; 404 as above or
 *     not uploaded yet.
 */
const paramsSchema = z.object({ complaintId: id, attachmentId: id });
const querySchema = z.object({ name: z.string().max(1_000).optional() });

type Params = z.infer<typeof paramsSchema>;

/** What a served file may do if opened directly: nothing (no script, no plugin, no same origin). */
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { pool, clock, config } = deps;
  await sweepTemporaryFiles(config.attachmentsDir);

  // Inside this plugin only: every body is raw bytes, streamed to disk by the handler (the type is
  // judged from the bytes, so the declared Content-Type chooses nothing).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  function visible(request: FastifyRequest, row: ComplaintRow | null): ComplaintRow {
    if (!row || !canSeeHospital(request.user, row.hospitalId)) throw notFound();
    return row;
  }

  const view = (row: AttachmentRow) => ({
    id: row.id,
    complaintId: row.complaintId,
    name: row.name,
    type: row.type,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
  });

  // Refusing before the body is read: close the connection rather than leave the rest unread.
  const refuse = (reply: FastifyReply, status: 413 | 422, reason: string) =>
    reply.code(status).header('connection', 'close').send({ error: 'attachment_rejected', reason });

  app.put<{ Params: Params }>('/api/v1/complaints/:complaintId/attachments/:attachmentId', async (request, reply) => {
    const params = paramsSchema.parse(request.params);
    const query = querySchema.parse(request.query);
    const complaint = visible(request, await findComplaint(pool, params.complaintId));
    const existing = await findAttachment(pool, params.attachmentId);
    if (existing && existing.complaintId !== complaint.doc.id) throw conflict('attachment_conflict');
    if (!existing && (await countAttachments(pool, complaint.doc.id)) >= MAX_ATTACHMENTS_PER_COMPLAINT) {
      return refuse(reply, 422, 'too_many');
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_ATTACHMENT_BYTES) return refuse(reply, 413, 'too_big');

    let stored;
    try {
      stored = await writeBlob(config.attachmentsDir, complaint.hospitalId, request.body as Readable);
    } catch (error) {
      if (error instanceof BlobRejected) return refuse(reply, error.reason === 'too_big' ? 413 : 422, error.reason);
      throw error;
    }
    const row: AttachmentRow = {
      id: params.attachmentId,
      complaintId: complaint.doc.id,
      hospitalId: complaint.hospitalId,
      sha256: stored.sha256,
      type: stored.type,
      size: stored.size,
      name: cleanAttachmentName(query.name ?? '', stored.type),
      uploadedBy: request.user.id,
      uploadedAt: clock.now(),
    };
    const result = await insertAttachment(pool, row);
    if (result.row.sha256 !== row.sha256 || result.row.complaintId !== row.complaintId) throw conflict('attachment_conflict');
    return reply.code(result.inserted ? 201 : 200).send(view(result.row));
  });

  app.get<{ Params: Params }>('/api/v1/complaints/:complaintId/attachments/:attachmentId', async (request, reply) => {
    const params = paramsSchema.parse(request.params);
    const complaint = visible(request, await findComplaint(pool, params.complaintId));
    const row = await findAttachment(pool, params.attachmentId);
    if (!row || row.complaintId !== complaint.doc.id) throw notFound();
    const file = blobPath(config.attachmentsDir, row.hospitalId, row.sha256);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) throw notFound();
    return reply
      .header('content-type', row.type)
      .header('content-length', String(stat.size))
      .header('content-disposition', contentDisposition(row.name, row.type))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', FILE_CSP)
      .header('cross-origin-resource-policy', 'same-origin')
      // Patients' documents on shared workstations: never kept in an HTTP cache.
      .header('cache-control', 'private, no-store')
      .send(readBlob(config.attachmentsDir, row.hospitalId, row.sha256));
  });
}

/** `inline` with an ASCII fallback name and the real (UTF-8, e.g. Arabic) one (RFC 6266). */
export function contentDisposition(name: string, type: AttachmentType): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || `attachment.${type.split('/')[1]}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
