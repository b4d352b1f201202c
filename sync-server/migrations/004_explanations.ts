import type { Migration } from './types.ts';

/**
 * Staff explanation requests (sync-server/explanations/). One row per level: an escalation marks
 * its row `escalated` and inserts the manager's row (`parent_id` = the row it came from). Not
 * replicated: desks see the requests through the complaint's internal timeline events. The link's
 * token is never stored, only its SHA-256 (`token_hash`). `next_at` is the row's next scheduled
 * action (the reminder, then the expiry) while it is pending, null otherwise; the service sleeps
 * until the earliest.
 */
const migration: Migration = {
  id: '004_explanations',
  async up(tx) {
    await tx.query(`
      CREATE TABLE explanation_requests (
        id text PRIMARY KEY,
        complaint_id text NOT NULL,
        hospital_id text NOT NULL,
        staff_id text NOT NULL,
        requested_by text NOT NULL,
        requested_at bigint NOT NULL,
        due_at bigint NOT NULL,
        reminder_at bigint NULL,
        reminded boolean NOT NULL DEFAULT false,
        next_at bigint NULL,
        token_hash bytea NOT NULL UNIQUE,
        expires_at bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'answered', 'expired', 'escalated')),
        level integer NOT NULL CHECK (level >= 0),
        parent_id text NULL REFERENCES explanation_requests (id),
        message text NULL,
        answer text NULL,
        answered_at bigint NULL
      );
      CREATE INDEX explanation_requests_next_idx ON explanation_requests (next_at) WHERE status = 'pending';
      CREATE INDEX explanation_requests_complaint_idx ON explanation_requests (complaint_id);
      CREATE UNIQUE INDEX explanation_requests_parent_key ON explanation_requests (parent_id);
    `);
  },
  async down(tx) {
    await tx.query('DROP TABLE IF EXISTS explanation_requests');
  },
};

export default migration;
