import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachmentMetaOf, MAX_ATTACHMENT_BYTES } from '../../../shared/attachments.ts';
import { timelineEventDocSchema } from '../../../shared/documents.ts';
import { complaint } from '../../testing/fixtures.ts';
import { attachmentAdded, readAttachment } from './add.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF');
const named = (blob: Blob, name: string) => Object.assign(blob, { name });

describe('adding an attachment', () => {
  it('reads a PDF into its metadata with the SHA-256 of its bytes, whatever type the picker declared', async () => {
    const read = await readAttachment(named(new Blob([PDF], { type: 'image/png' }), 'letter from MOH.pdf'), 0);
    expect(read).toMatchObject({
      ok: true,
      meta: { name: 'letter from MOH.pdf', type: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') },
    });
  });

  it('refuses a file over the limit and a 21st file before reading them', async () => {
    const big = named(new Blob([PDF, new Uint8Array(MAX_ATTACHMENT_BYTES)]), 'scan.pdf');
    expect(await readAttachment(big, 0)).toEqual({ ok: false, name: 'scan.pdf', error: 'too_big' });
    expect(await readAttachment(named(new Blob([PDF]), 'x.pdf'), 20)).toEqual({ ok: false, name: 'x.pdf', error: 'too_many' });
  });

  it('records it as one valid attachment_added event whose id is the attachment id', () => {
    const c = complaint(1);
    const meta = { name: 'photo.jpg', type: 'image/jpeg' as const, size: 1234, sha256: 'b'.repeat(64) };
    const { patch, event } = attachmentAdded(c, meta, { id: 'att-1', now: c.updatedAt, user: { id: 'u9', displayName: 'Huda' } });
    expect(timelineEventDocSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({ id: 'att-1', type: 'attachment_added', complaintId: c.id, hospitalId: c.hospitalId, actorId: 'u9', to: 'photo.jpg' });
    expect(attachmentMetaOf(event.data)).toEqual(meta);
    expect(patch).toEqual({ updatedAt: c.updatedAt + 1, updatedBy: 'u9' });
  });
});
