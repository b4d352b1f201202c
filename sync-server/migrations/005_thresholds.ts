import type { Migration } from './types.ts';

/**
 * Threshold-based actions (sync-server/sla/thresholds/): each hospital's thresholds on a measured
 * value (the survey score today), managed through /api/v1/sla/thresholds. Not replicated: only
 * the server evaluates them, and what they do reaches desks as timeline events. `doc` is the whole
 * document (shared/documents.ts thresholdDocSchema); `metric` and `active` are copied out for the
 * one query that matters — a hospital's active thresholds on a metric. `metric` has no CHECK so
 * that the next metrics ('response_time', 'resolution_time') need no migration.
 */
const migration: Migration = {
  id: '005_thresholds',
  async up(tx) {
    await tx.query(`
      CREATE TABLE sla_thresholds (
        id text PRIMARY KEY,
        hospital_id text NOT NULL,
        metric text NOT NULL,
        active boolean NOT NULL,
        doc jsonb NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL
      );
      CREATE INDEX sla_thresholds_hospital_idx ON sla_thresholds (hospital_id, metric) WHERE active;
    `);
  },
  async down(tx) {
    await tx.query('DROP TABLE IF EXISTS sla_thresholds');
  },
};

export default migration;
