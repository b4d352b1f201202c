import {
  checkAttachment,
  cleanAttachmentName,
  SNIFF_BYTES,
  toHex,
  type AttachmentError,
  type AttachmentMeta,
} from '../../../shared/attachments.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import type { Actor } from '../intake/build-complaint.ts';

/** A file picked or dropped, read and checked: ready to keep locally and record on the timeline. */
export type ReadFile = { ok: true; meta: AttachmentMeta; bytes: ArrayBuffer } | { ok: false; name: string; error: AttachmentError };

/** Reads a file only when its size and first bytes pass (a 2 GB video is never loaded). */
export async function readAttachment(file: Blob & { name: string }, existing: number): Promise<ReadFile> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const check = checkAttachment({ head, size: file.size, existing });
  if (!check.ok) return { ok: false, name: file.name, error: check.error };
  const bytes = await file.arrayBuffer();
  const sha256 = toHex(await crypto.subtle.digest('SHA-256', bytes));
  return { ok: true, meta: { name: cleanAttachmentName(file.name, check.type), type: check.type, size: bytes.byteLength, sha256 }, bytes };
}

/**
 * The complaint's patch and its `attachment_added` event. The event's id is the attachment's id;
 * the metadata is in `data`, and `to` carries the name so any timeline can show it.
 */
export function attachmentAdded(
  c: ComplaintDoc,
  meta: AttachmentMeta,
  ctx: { id: string; now: number; user: Actor },
): { patch: Partial<ComplaintDoc>; event: TimelineEventDoc } {
  return {
    patch: { updatedAt: Math.max(ctx.now, c.updatedAt + 1), updatedBy: ctx.user.id },
    event: {
      id: ctx.id,
      complaintId: c.id,
      hospitalId: c.hospitalId,
      type: 'attachment_added',
      at: ctx.now,
      actorId: ctx.user.id,
      actorName: ctx.user.displayName.slice(0, 120),
      field: null,
      from: null,
      to: meta.name.slice(0, 200),
      comment: null,
      visibility: 'internal',
      data: { ...meta },
    },
  };
}
