import type { CalendarDoc, EscalationRuleDoc } from '../../shared/documents.ts';
import { calendarDocSchema, escalationRuleDocSchema } from '../../shared/documents.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { defaultCalendar } from '../../shared/sla/calendar.ts';
import type { Tx } from '../db/pool.ts';
import { writeReplicated } from '../db/replicated.ts';

/**
 * The escalation rules and calendar a hospital starts with (brief §4: first start creates
 * "default escalation rules"). The rules are the three levels of source document 002: department
 * manager 24 h after the deadline, hospital admin after 48 h, PX admin after 72 h. A source whose
 * configuration escalates earlier (MOH at 24 h after creation) reaches level 1 at that time — the
 * schedule takes the earliest trigger — and the later levels follow the rules. The calendar is
 * round the clock (no configuration in business hours) with the clock paused while a complaint
 * waits on the complainant.
 */
export type NewEscalationRule = Omit<EscalationRuleDoc, 'id' | 'updatedAt'> & { id?: string; now: number };

export const DEFAULT_ESCALATION_RULES: readonly Omit<NewEscalationRule, 'hospitalId' | 'now'>[] = [
  { name: 'Level 1: Department Manager', level: 1, targetRole: 'department_manager' as const, triggerHoursOverdue: 24, order: 1 },
  { name: 'Level 2: Hospital Admin', level: 2, targetRole: 'hospital_admin' as const, triggerHoursOverdue: 48, order: 2 },
  { name: 'Level 3: PX Admin', level: 3, targetRole: 'px_admin' as const, triggerHoursOverdue: 72, order: 3 },
].map((r) => ({
  ...r,
  maxLevel: 3,
  triggerOnOverdue: true,
  reminderEscalationEnabled: false,
  reminderEscalationHours: 24,
  targetUserId: null,
  severityFilter: null,
  priorityFilter: null,
  active: true,
}));

export async function writeEscalationRule(tx: Tx, doc: EscalationRuleDoc, deleted = false): Promise<EscalationRuleDoc> {
  const valid = escalationRuleDocSchema.parse(doc);
  await writeReplicated(tx, { collection: 'escalationRules', id: valid.id, hospitalId: valid.hospitalId, doc: valid, deleted });
  return valid;
}

export async function writeCalendar(tx: Tx, doc: CalendarDoc, deleted = false): Promise<CalendarDoc> {
  const valid = calendarDocSchema.parse(doc);
  await writeReplicated(tx, { collection: 'calendars', id: valid.id, hospitalId: valid.hospitalId, doc: valid, deleted });
  return valid;
}

export async function createEscalationRule(tx: Tx, r: NewEscalationRule): Promise<EscalationRuleDoc> {
  const { now, id, ...rest } = r;
  return writeEscalationRule(tx, { ...rest, id: id ?? uuidv7(now), updatedAt: now });
}

export async function createDefaultEscalationRules(tx: Tx, hospitalId: string, now: number): Promise<EscalationRuleDoc[]> {
  const out: EscalationRuleDoc[] = [];
  for (const r of DEFAULT_ESCALATION_RULES) out.push(await createEscalationRule(tx, { ...r, hospitalId, now }));
  return out;
}

export async function createDefaultCalendar(tx: Tx, hospitalId: string, now: number): Promise<CalendarDoc> {
  return writeCalendar(tx, defaultCalendar(uuidv7(now), hospitalId, now));
}

/** A new hospital's default escalation rules and calendar (bootstrap, demo loader, setup:sla). */
export async function createSlaDefaults(tx: Tx, hospitalId: string, now: number): Promise<void> {
  await createDefaultEscalationRules(tx, hospitalId, now);
  await createDefaultCalendar(tx, hospitalId, now);
}
