import type { Migration } from './types.ts';

/**
 * One-time codes of the public tracking page (sync-server/public/otp.ts): a complainant without
 * the tracking link proves they hold the complaint's phone by a 6-digit code sent to it by SMS.
 * Only a salted SHA-256 of the code is stored (`code_hash`), with its expiry and the attempts
 * made against it; the newest live code of a reference is the only one that counts. Times are the
 * server clock's epoch ms. The index by reference serves both the check of a code and the count of
 * the codes sent for a reference in the last hour (a few at most, so nobody can flood a phone).
 */
const migration: Migration = {
  id: '008_public',
  async up(tx) {
    await tx.query(`
      CREATE TABLE public_codes (
        id text PRIMARY KEY,
        complaint_id text NOT NULL,
        reference_number text NOT NULL,
        code_hash text NOT NULL,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        used_at bigint NULL
      );
      CREATE INDEX public_codes_reference_idx ON public_codes (reference_number, created_at DESC);
      CREATE INDEX public_codes_complaint_idx ON public_codes (complaint_id);
    `);
  },
  async down(tx) {
    await tx.query('DROP TABLE IF EXISTS public_codes');
  },
};

export default migration;
