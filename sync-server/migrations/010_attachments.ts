import type { Migration } from './types.ts';

/**
 * Uploaded attachments (sync-server/attachments/). The id is the desk's attachment id (= its
 * `attachment_added` event id); the bytes live on disk under `<ATTACHMENTS_DIR>/<hospital>/<sha256>`.
 * `hospital_id` scopes the row like the replicated tables (partitioning by hospital later).
 */
const migration: Migration = {
  id: '010_attachments',
  async up(tx) {
    await tx.query(`
      CREATE TABLE attachments (
        id text PRIMARY KEY,
        complaint_id text NOT NULL,
        hospital_id text NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        type text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        name text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at bigint NOT NULL
      );
      CREATE INDEX attachments_complaint_idx ON attachments (complaint_id);
    `);
  },
  async down(tx) {
    await tx.query('DROP TABLE IF EXISTS attachments');
  },
};

export default migration;
