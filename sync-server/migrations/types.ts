import type { Tx } from '../db/pool.ts';

/** A numbered migration. `id` is `NNN_name`; both directions run in one transaction. */
export type Migration = {
  id: string;
  up(tx: Tx): Promise<void>;
  down(tx: Tx): Promise<void>;
};
