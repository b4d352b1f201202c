import type { Migration } from './types.ts';

/**
 * Complaints, their timeline events and the group-wide reference-number counter.
 * Times are epoch milliseconds (bigint), as in the replicated documents and the clock, so the
 * scheduler compares them with `clock.now()` directly. No foreign keys to hospitals: the tables
 * are meant to be distributed by hospital_id (brief §2), and a desk may push a complaint's
 * events before the complaint itself (the collections replicate independently).
 */
export const migration002: Migration = {
  id: '002_complaints',
  async up(tx) {
    await tx.query(`
      CREATE TABLE complaints (
        id text PRIMARY KEY,
        hospital_id text NOT NULL,
        reference_number text NOT NULL UNIQUE,
        status text NOT NULL,
        priority text NOT NULL,
        severity text NOT NULL,
        source_code text NOT NULL,
        department_id text,
        assignee_id text,
        due_at bigint,
        overdue boolean NOT NULL DEFAULT false,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        title text NOT NULL,
        complainant_name text NOT NULL,
        complainant_phone text,
        tracking_secret text NOT NULL,
        seq bigint NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        doc jsonb NOT NULL
      );
      CREATE INDEX complaints_hospital_seq ON complaints (hospital_id, seq);
      CREATE INDEX complaints_seq ON complaints (seq);
      CREATE INDEX complaints_status ON complaints (hospital_id, status);
      CREATE INDEX complaints_hospital_created ON complaints (hospital_id, created_at DESC, id DESC);

      CREATE TABLE events (
        id text PRIMARY KEY,
        complaint_id text NOT NULL,
        hospital_id text NOT NULL,
        type text NOT NULL,
        at bigint NOT NULL,
        visibility text NOT NULL,
        seq bigint NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        doc jsonb NOT NULL
      );
      CREATE INDEX events_hospital_seq ON events (hospital_id, seq);
      CREATE INDEX events_complaint_at ON events (complaint_id, at);

      CREATE TABLE reference_counters (
        year integer PRIMARY KEY,
        next bigint NOT NULL CHECK (next >= 1)
      );

      CREATE TABLE reference_blocks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        year integer NOT NULL,
        start_n bigint NOT NULL,
        end_n bigint NOT NULL,
        desk_id text NOT NULL,
        hospital_id text NOT NULL,
        leased_by text,
        leased_at bigint NOT NULL,
        CHECK (start_n >= 1 AND end_n >= start_n)
      );
      CREATE INDEX reference_blocks_hospital ON reference_blocks (hospital_id, year, start_n);
    `);
  },
  async down(tx) {
    await tx.query(`
      DROP TABLE IF EXISTS reference_blocks;
      DROP TABLE IF EXISTS reference_counters;
      DROP TABLE IF EXISTS events;
      DROP TABLE IF EXISTS complaints;
    `);
  },
};

export default migration002;
