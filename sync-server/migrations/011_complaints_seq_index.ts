import type { Migration } from './types.ts';

/**
 * Drops `complaints_seq`: complaints are only ever pulled per hospital, through
 * `complaints_hospital_seq (hospital_id, seq)`, so the seq-only index was written on every
 * complaint change (every SLA action patches its complaint with a new seq) and never read.
 */
const migration: Migration = {
  id: '011_complaints_seq_index',
  async up(tx) {
    await tx.query('DROP INDEX IF EXISTS complaints_seq');
  },
  async down(tx) {
    await tx.query('CREATE INDEX IF NOT EXISTS complaints_seq ON complaints (seq)');
  },
};

export default migration;
