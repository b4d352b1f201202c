import type { Migration } from './types.ts';

/**
 * Message templates edited by admins, and the staff's in-app notifications.
 *
 * `message_templates` holds a hospital's overrides only: the defaults live in code
 * (shared/notifications/texts.ts), so a reset is a delete and a new default reaches every
 * hospital that never changed it. One row per hospital, template, channel and language.
 *
 * `staff_notifications` is the replicated collection `notifications` (db/replicated.ts columns),
 * scoped by hospital and by user: a desk pulls only its signed-in user's rows
 * (replication/pull.ts), hence the index on (hospital_id, user_id, seq).
 */
const migration: Migration = {
  id: '007_templates',
  async up(tx) {
    await tx.query(`
      CREATE TABLE message_templates (
        hospital_id text NOT NULL,
        template text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        language text NOT NULL CHECK (language IN ('ar', 'en')),
        subject text NULL,
        body text NOT NULL,
        updated_by text NOT NULL,
        updated_at bigint NOT NULL,
        PRIMARY KEY (hospital_id, template, channel, language),
        CHECK ((channel = 'email') = (subject IS NOT NULL))
      );

      CREATE TABLE staff_notifications (
        id text PRIMARY KEY,
        hospital_id text NOT NULL,
        user_id text NOT NULL,
        complaint_id text NOT NULL,
        created_at bigint NOT NULL,
        seq bigint NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        doc jsonb NOT NULL
      );
      CREATE INDEX staff_notifications_user_seq_idx ON staff_notifications (hospital_id, user_id, seq);
      CREATE INDEX staff_notifications_seq_idx ON staff_notifications (seq);
    `);
  },
  async down(tx) {
    await tx.query(`
      DROP TABLE IF EXISTS staff_notifications;
      DROP TABLE IF EXISTS message_templates;
    `);
  },
};

export default migration;
