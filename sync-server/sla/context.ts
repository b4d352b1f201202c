import type { CalendarDoc, EscalationRuleDoc, SlaConfigDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { calendarDocSchema, escalationRuleDocSchema, timelineEventDocSchema } from '../../shared/documents.ts';
import type { Role } from '../../shared/enums.ts';
import type { SeverityDefaults } from '../../shared/sla.ts';
import { severityDefaults } from '../complaints/sla.ts';
import { pick, slaConfigsOf } from '../complaints/store.ts';
import type { Queryable } from '../db/pool.ts';

/**
 * Everything of one hospital the schedule of its complaints depends on, plus the part of the
 * directory an escalation needs to find its target. Loaded once per transaction (a scheduler
 * batch, a push) and per hospital, never kept across transactions: an admin's change applies to
 * the very next computation.
 */
export type HospitalSla = {
  configs: SlaConfigDoc[];
  defaults: SeverityDefaults;
  rules: EscalationRuleDoc[];
  calendar: CalendarDoc | null;
};

export type StaffEntry = { id: string; hospitalId: string | null; role: Role; departmentId: string | null; username: string };

export type HospitalDirectory = {
  /** Department id → its manager's user id (null when none is named). */
  managers: Map<string, string | null>;
  /** Active staff who may work on the hospital's complaints (its own and group-level), by username. */
  staff: StaffEntry[];
};

const EVENT_KEYS = Object.keys(timelineEventDocSchema.shape) as (keyof TimelineEventDoc)[];
const RULE_KEYS = Object.keys(escalationRuleDocSchema.shape) as (keyof EscalationRuleDoc)[];
const CALENDAR_KEYS = Object.keys(calendarDocSchema.shape) as (keyof CalendarDoc)[];

export async function escalationRulesOf(q: Queryable, hospitalId: string): Promise<EscalationRuleDoc[]> {
  const { rows } = await q.query<{ doc: unknown }>(
    `SELECT doc FROM escalation_rules WHERE hospital_id = $1 AND NOT deleted ORDER BY id`,
    [hospitalId],
  );
  return rows.map((r) => pick<EscalationRuleDoc>(r.doc, RULE_KEYS));
}

export async function calendarOf(q: Queryable, hospitalId: string): Promise<CalendarDoc | null> {
  const { rows } = await q.query<{ doc: unknown }>(
    `SELECT doc FROM calendars WHERE hospital_id = $1 AND NOT deleted ORDER BY id LIMIT 1`,
    [hospitalId],
  );
  const row = rows[0];
  return row ? pick<CalendarDoc>(row.doc, CALENDAR_KEYS) : null;
}

export async function loadHospitalSla(q: Queryable, hospitalId: string): Promise<HospitalSla> {
  // One after the other: `q` may be a transaction's client, which runs one query at a time.
  const configs = await slaConfigsOf(q, hospitalId);
  const defaults = await severityDefaults(q);
  const rules = await escalationRulesOf(q, hospitalId);
  const calendar = await calendarOf(q, hospitalId);
  return { configs, defaults, rules, calendar };
}

export async function loadDirectory(q: Queryable, hospitalId: string): Promise<HospitalDirectory> {
  const departments = await q.query<{ id: string; manager_id: string | null }>(
    `SELECT id, doc->>'managerId' AS manager_id FROM departments WHERE hospital_id = $1 AND NOT deleted`,
    [hospitalId],
  );
  const staff = await q.query<{ id: string; hospital_id: string | null; role: Role; department_id: string | null; username: string }>(
    `SELECT id, hospital_id, role, doc->>'departmentId' AS department_id, username FROM users
     WHERE (hospital_id = $1 OR hospital_id IS NULL) AND NOT deleted AND active
     ORDER BY lower(username), id`,
    [hospitalId],
  );
  return {
    managers: new Map(departments.rows.map((d) => [d.id, d.manager_id])),
    staff: staff.rows.map((s) => ({ id: s.id, hospitalId: s.hospital_id, role: s.role, departmentId: s.department_id, username: s.username })),
  };
}

/** Memoises the per-hospital loads for the length of one transaction. */
export class SlaLoader {
  #sla = new Map<string, Promise<HospitalSla>>();
  #directory = new Map<string, Promise<HospitalDirectory>>();
  readonly #q: Queryable;

  constructor(q: Queryable) {
    this.#q = q;
  }

  // Sequential by construction: callers await each load before the next query on the client.
  sla(hospitalId: string): Promise<HospitalSla> {
    let p = this.#sla.get(hospitalId);
    if (!p) {
      p = loadHospitalSla(this.#q, hospitalId);
      this.#sla.set(hospitalId, p);
    }
    return p;
  }

  directory(hospitalId: string): Promise<HospitalDirectory> {
    let p = this.#directory.get(hospitalId);
    if (!p) {
      p = loadDirectory(this.#q, hospitalId);
      this.#directory.set(hospitalId, p);
    }
    return p;
  }
}

/** The timelines of several complaints in one query (events filed under another hospital ignored). */
export async function timelinesOf(
  q: Queryable,
  complaints: readonly { id: string; hospitalId: string }[],
): Promise<Map<string, TimelineEventDoc[]>> {
  const { rows } = await q.query<{ complaint_id: string; hospital_id: string; doc: unknown }>(
    `SELECT complaint_id, hospital_id, doc FROM events WHERE complaint_id = ANY($1::text[]) AND NOT deleted ORDER BY at, seq`,
    [complaints.map((c) => c.id)],
  );
  const hospitalOf = new Map(complaints.map((c) => [c.id, c.hospitalId]));
  const out = new Map<string, TimelineEventDoc[]>(complaints.map((c) => [c.id, []]));
  for (const e of rows) {
    if (hospitalOf.get(e.complaint_id) !== e.hospital_id) continue;
    out.get(e.complaint_id)?.push(pick<TimelineEventDoc>(e.doc, EVENT_KEYS));
  }
  return out;
}
