import { z } from 'zod';
import type { Queryable } from '../db/pool.ts';
import { getSetting, setSetting } from '../db/settings.ts';

/**
 * How far the broker publisher has got: per hospital, the replication seq of the last event the
 * broker confirmed. Per hospital because events are read the way a desk pulls them (one hospital
 * at a time, in commit order), so the publisher inherits replication's guarantee that nothing
 * committed late is skipped.
 */
const KEY = 'broker_cursor';
const cursorSchema = z.record(z.string(), z.number().int().nonnegative());
export type BrokerCursor = z.infer<typeof cursorSchema>;

export async function readCursor(db: Queryable): Promise<BrokerCursor> {
  const raw = await getSetting(db, KEY);
  if (raw === null) return {};
  const parsed = cursorSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`setting ${KEY} is not a cursor: ${raw}`);
  return parsed.data;
}

export async function writeCursor(db: Queryable, cursor: BrokerCursor): Promise<void> {
  await setSetting(db, KEY, JSON.stringify(cursor));
}
