import type { Migration } from './types.ts';

/**
 * The authoritative SLA engine (sync-server/sla/scheduler.ts):
 *
 * - `sla_due`: each open complaint's next due SLA action (one row per complaint, none when nothing
 *   is pending), recomputed in the transaction that changes the complaint or its timeline. The
 *   scheduler only ever reads the earliest `due_at` and claims rows that are due, so the index
 *   on `due_at` is all it needs. Not replicated: desks project the schedule themselves.
 * - `escalation_rules` and `calendars`: replicated reference data (desks need them to project the
 *   schedule offline), with the standard replicated columns.
 * - `sla_changes`: who changed which SLA configuration, rule or calendar, when, and to what (the
 *   admin API records every change; the rows themselves replicate like any other).
 * - SLA configurations are unique per hospital + source (001) and, for the ones without a
 *   source, per hospital + severity + priority (an unset severity or priority counts as one value).
 */
function replicatedTable(name: string): string {
  return `
    CREATE TABLE ${name} (
      id text PRIMARY KEY,
      hospital_id text NULL,
      seq bigint NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      doc jsonb NOT NULL
    );
    CREATE INDEX ${name}_hospital_seq_idx ON ${name} (hospital_id, seq);
    CREATE INDEX ${name}_seq_idx ON ${name} (seq);`;
}

const migration: Migration = {
  id: '003_sla',
  async up(tx) {
    await tx.query(`
      CREATE TABLE sla_due (
        complaint_id text PRIMARY KEY,
        hospital_id text NOT NULL,
        due_at bigint NOT NULL,
        action_key text NOT NULL
      );
      CREATE INDEX sla_due_due_at_idx ON sla_due (due_at);

      ${replicatedTable('escalation_rules')}

      ${replicatedTable('calendars')}
      CREATE UNIQUE INDEX calendars_hospital_key ON calendars (hospital_id) WHERE NOT deleted;

      CREATE TABLE sla_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at bigint NOT NULL,
        actor_id text NOT NULL,
        hospital_id text NOT NULL,
        collection text NOT NULL,
        doc_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        doc jsonb NOT NULL
      );
      CREATE INDEX sla_changes_hospital_idx ON sla_changes (hospital_id, at);

      CREATE UNIQUE INDEX sla_configs_severity_priority_key ON sla_configs (
        hospital_id, coalesce(doc->>'severity', ''), coalesce(doc->>'priority', '')
      ) WHERE doc->>'sourceCode' IS NULL AND NOT deleted;
    `);
  },
  async down(tx) {
    await tx.query(`
      DROP INDEX IF EXISTS sla_configs_severity_priority_key;
      DROP TABLE IF EXISTS sla_changes;
      DROP TABLE IF EXISTS calendars;
      DROP TABLE IF EXISTS escalation_rules;
      DROP TABLE IF EXISTS sla_due;
    `);
  },
};

export default migration;
