import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceTo, createComplaint, getComplaint, HOUR, startSlaWorld, stopSlaWorld, timelineLines, type SlaWorld } from './testing.ts';

/**
 * The exact SLA timeline of a complaint from each of the four sources, with CLOCK=manual and
 * everything through HTTP: complaints created by the integration API, time moved by
 * POST /api/v1/clock, timelines read by GET /api/v1/complaints/:id. Each moment is checked one
 * second before (nothing yet) and at the second (everything due).
 */
let w: SlaWorld;
beforeAll(async () => {
  w = await startSlaWorld();
});
afterAll(async () => {
  await stopSlaWorld(w);
});

const escalatedToManager = (at: string) => [`${at} sla_escalated L1 department_manager=manager -→manager`, `${at} status_changed PENDING→ESCALATED`];

// Brief §3 table with the default escalation rules (level 2: hospital admin 48 h after the deadline).
const EXPECTED: Record<string, string[]> = {
  MOH: [
    '00:00:00 created',
    '12:00:00 sla_reminder L1',
    '24:00:00 sla_overdue',
    ...escalatedToManager('24:00:00'),
    '30:00:00 sla_reminder L2',
    '72:00:00 sla_escalated L2 hospital_admin=hospitalAdmin manager→hospitalAdmin',
  ],
  CCHI: [
    '00:00:00 created',
    '24:00:00 sla_reminder L1',
    '48:00:00 sla_overdue',
    ...escalatedToManager('48:00:00'),
    '60:00:00 sla_reminder L2',
  ],
  PATIENT: [
    '00:00:00 created',
    '24:00:00 sla_reminder L1',
    '72:00:00 sla_reminder L2',
    '72:00:00 sla_overdue',
    ...escalatedToManager('72:00:00'),
  ],
};
EXPECTED.FAMILY = EXPECTED.PATIENT as string[];

const hoursOf = (line: string) => Number(line.slice(0, 2)) + Number(line.slice(3, 5)) / 60 + Number(line.slice(6, 8)) / 3600;

describe('SLA timelines on the manual clock, to the second', () => {
  it('fires each source’s reminders, overdue and escalations exactly at their times', async () => {
    const start = w.srv.deps.clock.now();
    const ids: Record<string, string> = {};
    for (const source of Object.keys(EXPECTED)) ids[source] = (await createComplaint(w, { sourceCode: source })).id;

    const check = async (hours: number) => {
      for (const [source, lines] of Object.entries(EXPECTED)) {
        const c = await getComplaint(w, ids[source] as string);
        expect({ source, hours, lines: timelineLines(w, c.events, start) }).toEqual({
          source,
          hours,
          lines: lines.filter((l) => hoursOf(l) <= hours + 1e-9),
        });
      }
    };
    const marks = [...new Set(Object.values(EXPECTED).flat().map(hoursOf))].filter((h) => h > 0).sort((a, b) => a - b);
    for (const h of marks) {
      await advanceTo(w, start, h * HOUR - 1_000);
      await check(h - 1 / 3600);
      await advanceTo(w, start, h * HOUR);
      await check(h);
    }

    const moh = await getComplaint(w, ids.MOH as string);
    expect(moh).toMatchObject({
      status: 'ESCALATED',
      assigneeId: w.staff.hospitalAdmin,
      overdue: true,
      reminderLevel: 2,
      escalationLevel: 2,
      dueAt: new Date(start + 24 * HOUR).toISOString(),
      lastReminderAt: new Date(start + 30 * HOUR).toISOString(),
      escalatedAt: new Date(start + 72 * HOUR).toISOString(),
    });
    const firstEscalation = moh.events.find((e) => e.type === 'sla_escalated');
    expect(firstEscalation?.data).toMatchObject({
      level: 1,
      key: `${moh.id}:0:escalation:1`,
      late: false,
      scheduledAt: start + 24 * HOUR,
      target: { role: 'department_manager', userId: w.staff.manager },
    });
    expect(firstEscalation?.actor).toBeNull();
    const cchi = await getComplaint(w, ids.CCHI as string);
    expect(cchi).toMatchObject({ status: 'ESCALATED', assigneeId: w.staff.manager, escalationLevel: 1, reminderLevel: 2 });
  });
});
