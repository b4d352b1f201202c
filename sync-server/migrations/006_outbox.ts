import type { Migration } from './types.ts';

/**
 * The notification outbox (sync-server/notifications/). Not replicated: desks see each delivery
 * attempt as a `communication` event on the complaint's timeline.
 *
 * - `outbox_messages`: one row per SMS or e-mail, inserted in the transaction of the change that
 *   causes it, with a graphile-worker job (job key = the row's id) that delivers it. `key` is the
 *   idempotency key (cause + channel + template + recipient): a cause planned twice inserts
 *   nothing the second time. `lease_until` (database time) bounds an attempt in flight: a row
 *   still `sending` past it was abandoned by a process that died and is queued again.
 *   `attempt_limit` is where retrying stops (`dead`); a staff retry raises it.
 * - `staff_contacts`: where staff e-mail goes and in which language (null: both).
 * - `notification_settings`: per hospital, the SMS that are off by default.
 * - `sms_opt_outs`: numbers that answered STOP (and an index to find their complaints).
 */
export const OUTBOX_STATUSES = [
  'queued',
  'sending',
  'retrying',
  'sent',
  'delivered',
  'failed',
  'dead',
  'not_sent',
  'opted_out',
] as const;

const migration: Migration = {
  id: '006_outbox',
  async up(tx) {
    const statuses = OUTBOX_STATUSES.map((s) => `'${s}'`).join(', ');
    await tx.query(`
      CREATE TABLE outbox_messages (
        id text PRIMARY KEY,
        -- Insertion order: several messages of one change share a clock time.
        n bigint GENERATED ALWAYS AS IDENTITY,
        key text NOT NULL UNIQUE,
        hospital_id text NOT NULL,
        complaint_id text NOT NULL,
        cause_id text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        template text NOT NULL,
        language text NOT NULL CHECK (language IN ('ar', 'en', 'ar+en')),
        recipient text NOT NULL,
        recipient_ref text NOT NULL,
        masked_recipient text NOT NULL,
        variables jsonb NOT NULL,
        subject text NULL,
        body text NULL,
        status text NOT NULL CHECK (status IN (${statuses})),
        attempts integer NOT NULL DEFAULT 0,
        attempt_limit integer NOT NULL,
        provider_id text NULL,
        last_error text NULL,
        lease_until timestamptz NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        sent_at bigint NULL,
        delivered_at bigint NULL
      );
      CREATE INDEX outbox_messages_complaint_idx ON outbox_messages (complaint_id);
      CREATE INDEX outbox_messages_hospital_status_idx ON outbox_messages (hospital_id, status);
      CREATE INDEX outbox_messages_provider_idx ON outbox_messages (provider_id) WHERE provider_id IS NOT NULL;
      CREATE INDEX outbox_messages_lease_idx ON outbox_messages (lease_until) WHERE status = 'sending';

      CREATE TABLE staff_contacts (
        user_id text PRIMARY KEY,
        email text NULL,
        language text NULL CHECK (language IN ('ar', 'en')),
        updated_at bigint NOT NULL,
        updated_by text NOT NULL
      );

      CREATE TABLE notification_settings (
        hospital_id text PRIMARY KEY,
        sms_on_in_progress boolean NOT NULL DEFAULT false,
        sms_on_assignment boolean NOT NULL DEFAULT false,
        sms_on_sla_reminder boolean NOT NULL DEFAULT false,
        updated_at bigint NOT NULL,
        updated_by text NOT NULL
      );

      CREATE TABLE sms_opt_outs (
        phone text PRIMARY KEY,
        at bigint NOT NULL
      );
      -- A STOP reply finds its complaints by number.
      CREATE INDEX complaints_complainant_phone_idx ON complaints (complainant_phone) WHERE complainant_phone IS NOT NULL;
    `);
  },
  async down(tx) {
    await tx.query(`
      DROP INDEX IF EXISTS complaints_complainant_phone_idx;
      DROP TABLE IF EXISTS sms_opt_outs;
      DROP TABLE IF EXISTS notification_settings;
      DROP TABLE IF EXISTS staff_contacts;
      DROP TABLE IF EXISTS outbox_messages;
    `);
  },
};

export default migration;
