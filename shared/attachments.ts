/**
 * Attachments of a complaint (issue 6, detail): photos and PDFs taken at the desk, kept on the
 * desk until uploaded, then served by the sync server.
 *
 * Where the metadata lives: in the `attachment_added` timeline event (its `data`), written once by
 * the desk that adds the file, replicated like any other event. The event's id is the attachment
 * id, so the upload, the server's row and the event name the same thing. The bytes never travel
 * through replication: the desk keeps them locally and PUTs them to the server
 * (`attachmentPath`). A re-upload of the same bytes under the same id is a no-op (SHA-256 is the
 * identity of the content).
 *
 * The type is decided by the bytes (magic numbers), never by the declared type or the file name:
 * a file that merely claims to be an image is refused.
 */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** 10 MB a file: a phone photo or a scanned letter, not a video. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Per complaint: enough for a case file, small enough to keep a desk's disk in check. */
export const MAX_ATTACHMENTS_PER_COMPLAINT = 20;
/** Bytes `sniffType` needs to look at. */
export const SNIFF_BYTES = 12;
export const MAX_ATTACHMENT_NAME = 200;

export type AttachmentError = 'too_big' | 'empty' | 'wrong_type' | 'too_many';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the bytes are, from their first `SNIFF_BYTES` (more are fine); null when none allowed. */
export function sniffType(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export type AttachmentCheck = { ok: true; type: AttachmentType } | { ok: false; error: AttachmentError };

/**
 * Whether a file may be attached: its size, the bytes' type, and how many the complaint already
 * has. `existing` counts the complaint's other attachments.
 */
export function checkAttachment(input: { head: Uint8Array; size: number; existing: number }): AttachmentCheck {
  if (input.existing >= MAX_ATTACHMENTS_PER_COMPLAINT) return { ok: false, error: 'too_many' };
  if (input.size === 0) return { ok: false, error: 'empty' };
  if (input.size > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'too_big' };
  const type = sniffType(input.head);
  return type === null ? { ok: false, error: 'wrong_type' } : { ok: true, type };
}

/** Lower-case hex of a SHA-256 digest. */
export function toHex(digest: ArrayBuffer | Uint8Array): string {
  const bytes = digest instanceof Uint8Array ? digest : new Uint8Array(digest);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const isSha256Hex = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);

/**
 * A file name safe to show and to put in a Content-Disposition: no path, no control characters,
 * at most `MAX_ATTACHMENT_NAME` characters; the extension of the real type when it has none.
 */
export function cleanAttachmentName(name: string, type: AttachmentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, MAX_ATTACHMENT_NAME);
  if (cleaned !== '' && cleaned !== '.' && cleaned !== '..') return cleaned;
  return `attachment.${EXTENSIONS[type]}`;
}

const EXTENSIONS: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export const isImageType = (type: AttachmentType): boolean => type !== 'application/pdf';

/** What the `attachment_added` event carries in `data`. The event's id is the attachment id. */
export type AttachmentMeta = {
  name: string;
  type: AttachmentType;
  size: number;
  sha256: string;
};

/** The metadata of an `attachment_added` event's data, or null if it is not well formed. */
export function attachmentMetaOf(data: Record<string, unknown>): AttachmentMeta | null {
  const { name, type, size, sha256 } = data;
  if (typeof name !== 'string' || typeof size !== 'number' || typeof sha256 !== 'string') return null;
  if (!(ATTACHMENT_TYPES as readonly unknown[]).includes(type)) return null;
  if (!isSha256Hex(sha256) || !Number.isInteger(size) || size <= 0 || size > MAX_ATTACHMENT_BYTES) return null;
  return { name, type: type as AttachmentType, size, sha256 };
}

/** The server's address of one attachment (PUT the bytes, GET them back). */
export function attachmentPath(complaintId: string, attachmentId: string): string {
  return `/api/v1/complaints/${encodeURIComponent(complaintId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
