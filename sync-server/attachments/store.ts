import type { AttachmentType } from '../../shared/attachments.ts';
import type { Queryable } from '../db/pool.ts';

/**
 * The server's record of uploaded attachments (migration 010). Not replicated: desks learn of an
 * attachment from its `attachment_added` event and fetch the bytes on demand. The row is written
 * only after the bytes are safely on disk, so a row always has its file.
 */
export type AttachmentRow = {
  id: string;
  complaintId: string;
  hospitalId: string;
  sha256: string;
  type: AttachmentType;
  size: number;
  name: string;
  uploadedBy: string;
  uploadedAt: number;
};

type Raw = {
  id: string;
  complaint_id: string;
  hospital_id: string;
  sha256: string;
  type: AttachmentType;
  size: string;
  name: string;
  uploaded_by: string;
  uploaded_at: string;
};

const COLUMNS = 'id, complaint_id, hospital_id, sha256, type, size, name, uploaded_by, uploaded_at';

const toRow = (r: Raw): AttachmentRow => ({
  id: r.id,
  complaintId: r.complaint_id,
  hospitalId: r.hospital_id,
  sha256: r.sha256,
  type: r.type,
  size: Number(r.size),
  name: r.name,
  uploadedBy: r.uploaded_by,
  uploadedAt: Number(r.uploaded_at),
});

export async function findAttachment(q: Queryable, id: string): Promise<AttachmentRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${COLUMNS} FROM attachments WHERE id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function countAttachments(q: Queryable, complaintId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM attachments WHERE complaint_id = $1`, [complaintId]);
  return rows[0]?.n ?? 0;
}

/** Inserts once by id; returns the stored row (the earlier one when the id was taken). */
export async function insertAttachment(q: Queryable, row: AttachmentRow): Promise<{ row: AttachmentRow; inserted: boolean }> {
  const { rows } = await q.query<Raw>(
    `INSERT INTO attachments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
    [row.id, row.complaintId, row.hospitalId, row.sha256, row.type, row.size, row.name, row.uploadedBy, row.uploadedAt],
  );
  if (rows[0]) return { row: toRow(rows[0]), inserted: true };
  const stored = await findAttachment(q, row.id);
  if (!stored) throw new Error(`attachment ${row.id} vanished`);
  return { row: stored, inserted: false };
}
