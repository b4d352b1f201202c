import { createSourceSlaConfigs, DEFAULT_SOURCES } from '../bootstrap.ts';
import { withTx, type Pool } from '../db/pool.ts';
import { createSource } from '../directory.ts';
import { createDefaultCalendar, createDefaultEscalationRules } from './defaults.ts';

/**
 * `npm run setup:sla`: makes sure the four sources exist and that every hospital has their
 * source-based SLA configurations (brief §3 table), escalation rules and a calendar. Only what is
 * missing is created, so running it twice changes nothing the second time; a hospital that has
 * any escalation rule keeps its own. Serialised by an advisory lock, so two runs (or a run beside
 * a first start) cannot both create.
 */
const SETUP_LOCK_KEY = 0x51a_5e70;

export type SlaSetupResult = { hospitals: number; sources: number; configs: number; rules: number; calendars: number };

export async function setupSla(pool: Pool, now: number): Promise<SlaSetupResult> {
  return withTx(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK_KEY]);
    const result: SlaSetupResult = { hospitals: 0, sources: 0, configs: 0, rules: 0, calendars: 0 };
    const { rows: sources } = await tx.query<{ code: string }>(`SELECT doc->>'code' AS code FROM sources WHERE NOT deleted`);
    const haveSources = new Set(sources.map((s) => s.code));
    for (const s of DEFAULT_SOURCES) {
      if (haveSources.has(s.code)) continue;
      await createSource(tx, { ...s, now });
      result.sources++;
    }
    const { rows: hospitals } = await tx.query<{ id: string }>(`SELECT id FROM hospitals WHERE NOT deleted ORDER BY doc->>'code'`);
    for (const { id: hospitalId } of hospitals) {
      result.hospitals++;
      const { rows: configs } = await tx.query<{ code: string }>(
        `SELECT doc->>'sourceCode' AS code FROM sla_configs WHERE hospital_id = $1 AND NOT deleted AND doc->>'sourceCode' IS NOT NULL`,
        [hospitalId],
      );
      const haveConfigs = new Set(configs.map((c) => c.code));
      result.configs += await createSourceSlaConfigs(tx, hospitalId, now, haveConfigs);
      const rules = await tx.query('SELECT 1 FROM escalation_rules WHERE hospital_id = $1 AND NOT deleted LIMIT 1', [hospitalId]);
      if (rules.rows.length === 0) result.rules += (await createDefaultEscalationRules(tx, hospitalId, now)).length;
      const calendars = await tx.query('SELECT 1 FROM calendars WHERE hospital_id = $1 AND NOT deleted LIMIT 1', [hospitalId]);
      if (calendars.rows.length === 0) {
        await createDefaultCalendar(tx, hospitalId, now);
        result.calendars++;
      }
    }
    return result;
  });
}
