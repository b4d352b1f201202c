import { describe, expect, it } from 'vitest';
import {
  attachmentMetaOf,
  checkAttachment,
  cleanAttachmentName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_COMPLAINT,
  sniffType,
  toHex,
} from './attachments.ts';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF');
const PNG = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n%');

describe('sniffType', () => {
  it('recognises JPEG, PNG, WebP and PDF by their bytes', () => {
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(WEBP)).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
  });

  it('refuses what only claims to be a picture: HTML, SVG, a RIFF that is not WebP, a cut header', () => {
    expect(sniffType(bytes('<html><script>'))).toBeNull();
    expect(sniffType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffType(PNG.slice(0, 5))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });
});

describe('checkAttachment', () => {
  it('accepts an allowed type up to the size limit and says which type the bytes are', () => {
    expect(checkAttachment({ head: PDF, size: MAX_ATTACHMENT_BYTES, existing: 0 })).toEqual({ ok: true, type: 'application/pdf' });
  });

  it('refuses a file one byte over the limit, an empty one, a wrong type, and the 21st of a complaint', () => {
    expect(checkAttachment({ head: JPEG, size: MAX_ATTACHMENT_BYTES + 1, existing: 0 })).toEqual({ ok: false, error: 'too_big' });
    expect(checkAttachment({ head: new Uint8Array(), size: 0, existing: 0 })).toEqual({ ok: false, error: 'empty' });
    expect(checkAttachment({ head: bytes('GIF89a'), size: 100, existing: 0 })).toEqual({ ok: false, error: 'wrong_type' });
    expect(checkAttachment({ head: JPEG, size: 100, existing: MAX_ATTACHMENTS_PER_COMPLAINT })).toEqual({ ok: false, error: 'too_many' });
    expect(checkAttachment({ head: JPEG, size: 100, existing: MAX_ATTACHMENTS_PER_COMPLAINT - 1 }).ok).toBe(true);
  });
});

describe('names and metadata', () => {
  it('keeps only the base name without control characters or quotes, and names a nameless file by its type', () => {
    expect(cleanAttachmentName('C:\\Users\\x\\صورة "1".jpg', 'image/jpeg')).toBe('صورة 1.jpg');
    expect(cleanAttachmentName('../../etc/passwd\r\n', 'application/pdf')).toBe('passwd');
    expect(cleanAttachmentName('..', 'application/pdf')).toBe('attachment.pdf');
    expect(cleanAttachmentName('', 'image/png')).toBe('attachment.png');
  });

  it('reads the metadata of an attachment_added event and refuses a malformed one', () => {
    const sha256 = toHex(new Uint8Array(32).fill(0xab));
    expect(sha256).toBe('ab'.repeat(32));
    const good = { name: 'a.jpg', type: 'image/jpeg', size: 10, sha256 };
    expect(attachmentMetaOf(good)).toEqual(good);
    expect(attachmentMetaOf({ ...good, type: 'image/gif' })).toBeNull();
    expect(attachmentMetaOf({ ...good, sha256: 'xyz' })).toBeNull();
    expect(attachmentMetaOf({ ...good, size: MAX_ATTACHMENT_BYTES + 1 })).toBeNull();
  });
});
