import type { Migration } from './types.ts';

/**
 * Core schema: the replication sequence, the directory (hospitals, departments, staff), the
 * reference data (sources, SLA configs), refresh tokens and server settings.
 *
 * Every replicated table has the columns `db/replicated.ts` writes (`id, hospital_id, seq,
 * deleted, doc`) and indexes on (hospital_id, seq) for scoped pulls and on (seq) for group-wide
 * ones. `doc` is exactly the shared zod document. Rows are written only through
 * `writeReplicated`. No foreign keys between replicated tables: rows are partitioned by
 * hospital_id so the schema can later be distributed (brief §2).
 */
function replicatedTable(name: string, extraColumns = ''): string {
  return `
    CREATE TABLE ${name} (
      id text PRIMARY KEY,
      hospital_id text NULL,
      seq bigint NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      doc jsonb NOT NULL${extraColumns ? `,\n      ${extraColumns}` : ''}
    );
    CREATE INDEX ${name}_hospital_seq_idx ON ${name} (hospital_id, seq);
    CREATE INDEX ${name}_seq_idx ON ${name} (seq);`;
}

const ROLES_CHECK = `role IN ('desk_agent', 'department_manager', 'hospital_admin', 'px_admin', 'ceo', 'admin')`;

const migration: Migration = {
  id: '001_core',
  async up(tx) {
    await tx.query(`
      CREATE SEQUENCE repl_seq;
      ${replicatedTable('hospitals')}
      CREATE UNIQUE INDEX hospitals_code_key ON hospitals ((doc->>'code'));

      ${replicatedTable('departments')}
      CREATE UNIQUE INDEX departments_code_key ON departments (hospital_id, (doc->>'code'));

      ${replicatedTable(
        'users',
        `username text NOT NULL,
      password_hash text NULL,
      role text NOT NULL CHECK (${ROLES_CHECK}),
      active boolean NOT NULL DEFAULT true`,
      )}
      CREATE UNIQUE INDEX users_username_key ON users (lower(username));

      ${replicatedTable('sources')}
      CREATE UNIQUE INDEX sources_code_key ON sources ((doc->>'code'));

      ${replicatedTable('sla_configs')}
      CREATE UNIQUE INDEX sla_configs_source_key ON sla_configs (hospital_id, (doc->>'sourceCode'))
        WHERE doc->>'sourceCode' IS NOT NULL AND NOT deleted;

      CREATE TABLE refresh_tokens (
        id text PRIMARY KEY,
        family_id text NOT NULL,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        replaced_by text NULL
      );
      CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
      CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `);
  },
  async down(tx) {
    await tx.query(`
      DROP TABLE settings;
      DROP TABLE refresh_tokens;
      DROP TABLE sla_configs;
      DROP TABLE sources;
      DROP TABLE users;
      DROP TABLE departments;
      DROP TABLE hospitals;
      DROP SEQUENCE repl_seq;
    `);
  },
};

export default migration;
