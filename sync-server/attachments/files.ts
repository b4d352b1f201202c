import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, SNIFF_BYTES, sniffType, type AttachmentType } from '../../shared/attachments.ts';

/**
 * Attachment bytes on disk, content-addressed: `<root>/<hospital>/<sha256>`. A file is written to
 * a temporary name beside its final one, flushed, then renamed, so a crash or a cut upload never
 * leaves a half file under a real name (rename is atomic within one folder). Leftover temporary
 * files (`.part-*`) are never served and are swept at start.
 */
export type StoredBlob = { sha256: string; size: number; type: AttachmentType };

export type BlobRejection = 'too_big' | 'wrong_type' | 'empty';

export class BlobRejected extends Error {
  constructor(readonly reason: BlobRejection) {
    super(reason);
    this.name = 'BlobRejected';
  }
}

const TEMP_PREFIX = '.part-';

/** Hospital ids are ours, but a folder name must never be able to climb out of the root. */
export function hospitalFolder(root: string, hospitalId: string): string {
  const safe = /^[A-Za-z0-9_-]{1,64}$/.test(hospitalId) ? hospitalId : `h-${createHash('sha256').update(hospitalId).digest('hex')}`;
  return path.join(root, safe);
}

export function blobPath(root: string, hospitalId: string, sha256: string): string {
  return path.join(hospitalFolder(root, hospitalId), sha256);
}

/**
 * Streams an upload to disk while hashing it, checking its first bytes' type and its size; a
 * refused or interrupted upload leaves nothing behind. Returns what was stored.
 */
export async function writeBlob(root: string, hospitalId: string, body: AsyncIterable<Uint8Array>): Promise<StoredBlob> {
  const folder = hospitalFolder(root, hospitalId);
  await fs.mkdir(folder, { recursive: true });
  const temp = path.join(folder, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  const file = await fs.open(temp, 'wx');
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let type: AttachmentType | null = null;
  let renamed = false;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > MAX_ATTACHMENT_BYTES) throw new BlobRejected('too_big');
      if (type === null) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) {
          type = sniffType(head);
          if (type === null) throw new BlobRejected('wrong_type');
        }
      }
      hash.update(chunk);
      await file.write(chunk);
    }
    if (size === 0) throw new BlobRejected('empty');
    type ??= sniffType(head);
    if (type === null) throw new BlobRejected('wrong_type');
    await file.sync();
    await file.close();
    const sha256 = hash.digest('hex');
    // Same bytes already there (an idempotent re-upload, or another complaint's copy): the rename
    // replaces them with identical content.
    await fs.rename(temp, path.join(folder, sha256));
    renamed = true;
    return { sha256, size, type };
  } finally {
    if (!renamed) {
      await file.close().catch(() => undefined);
      await fs.rm(temp, { force: true });
    }
  }
}

export function readBlob(root: string, hospitalId: string, sha256: string): ReadStream {
  return createReadStream(blobPath(root, hospitalId, sha256));
}

/** Removes temporary files a crash left behind (at server start). */
export async function sweepTemporaryFiles(root: string): Promise<number> {
  let removed = 0;
  const folders = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const folder of folders) {
    if (!folder.isDirectory()) continue;
    const dir = path.join(root, folder.name);
    for (const name of await fs.readdir(dir)) {
      if (!name.startsWith(TEMP_PREFIX)) continue;
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
