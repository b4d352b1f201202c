import type { Migration } from './types.ts';

/**
 * Administration and automatic assignment (issue 6):
 * - `categories`: a hospital's complaint categories, replicated like every directory table
 *   (unique code per hospital among the live ones).
 * - `admin_changes`: every change made through the admin API — who, when, which row, and the
 *   document before and after (null before a create; never a password or its hash). The
 *   `sla_changes` pattern, with the before state added.
 * - `assignment_settings`: per hospital, whether new complaints are assigned automatically (a
 *   hospital without a row: off).
 * - `assignment_cursors`: per department, the agent the round robin chose last, so ties keep
 *   rotating across restarts and server instances.
 */
const migration: Migration = {
  id: '009_admin',
  async up(tx) {
    await tx.query(`
      CREATE TABLE categories (
        id text PRIMARY KEY,
        hospital_id text NULL,
        seq bigint NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        doc jsonb NOT NULL
      );
      CREATE INDEX categories_hospital_seq_idx ON categories (hospital_id, seq);
      CREATE INDEX categories_seq_idx ON categories (seq);
      CREATE UNIQUE INDEX categories_code_key ON categories (hospital_id, (doc->>'code')) WHERE NOT deleted;

      CREATE TABLE admin_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at bigint NOT NULL,
        actor_id text NOT NULL,
        hospital_id text NULL,
        collection text NOT NULL,
        doc_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'update', 'password')),
        before jsonb NULL,
        after jsonb NULL
      );
      CREATE INDEX admin_changes_doc_idx ON admin_changes (collection, doc_id, at);
      CREATE INDEX admin_changes_hospital_idx ON admin_changes (hospital_id, at);

      CREATE TABLE assignment_settings (
        hospital_id text PRIMARY KEY,
        auto_assign boolean NOT NULL DEFAULT false
      );

      -- The load of each agent (open complaints assigned), read under the department's lock.
      CREATE INDEX complaints_assignee_open_idx ON complaints (assignee_id)
        WHERE NOT deleted AND status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED');

      CREATE TABLE assignment_cursors (
        department_id text PRIMARY KEY,
        last_agent_id text NOT NULL
      );
    `);
  },
  async down(tx) {
    await tx.query(`
      DROP TABLE IF EXISTS assignment_cursors;
      DROP INDEX IF EXISTS complaints_assignee_open_idx;
      DROP TABLE IF EXISTS assignment_settings;
      DROP TABLE IF EXISTS admin_changes;
      DROP TABLE IF EXISTS categories;
    `);
  },
};

export default migration;
