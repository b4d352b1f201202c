import { z } from 'zod';
import type { ComplaintDoc, SlaConfigDoc } from '../../shared/documents.ts';
import { SEVERITIES } from '../../shared/enums.ts';
import { dueAtFor, type SeverityDefaults } from '../../shared/sla.ts';
import type { Queryable } from '../db/pool.ts';
import { getSetting } from '../db/settings.ts';
import { slaConfigsOf } from './store.ts';

/**
 * The server's SLA defaults per severity live in the `settings` table under this key as JSON,
 * e.g. `{"critical":12,"high":24}`; a severity without one falls back to 48 h (shared/sla.ts).
 */
export const SEVERITY_DEFAULTS_SETTING = 'sla_severity_defaults';

const defaultsSchema = z.partialRecord(z.enum(SEVERITIES), z.number().min(0).max(24 * 365));

export async function severityDefaults(db: Queryable): Promise<SeverityDefaults> {
  const raw = await getSetting(db, SEVERITY_DEFAULTS_SETTING);
  if (raw === null) return {};
  try {
    const parsed = defaultsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export type SlaContext = { configs: SlaConfigDoc[]; defaults: SeverityDefaults };

export async function slaContext(db: Queryable, hospitalId: string): Promise<SlaContext> {
  // One after the other: `db` may be a transaction's client, which runs one query at a time.
  const configs = await slaConfigsOf(db, hospitalId);
  const defaults = await severityDefaults(db);
  return { configs, defaults };
}

export function dueAtOf(doc: ComplaintDoc, ctx: SlaContext): number | null {
  return dueAtFor(doc, ctx.configs, ctx.defaults);
}
