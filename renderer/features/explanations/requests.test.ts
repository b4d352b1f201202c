import { describe, expect, it } from 'vitest';
import { event, H, T0 } from '../../../shared/sla/test-fixtures.ts';
import { explanationsOf } from './requests.ts';

/** The timeline events the server writes for a request (sync-server/explanations/), in the shapes it writes them. */
const requested = (at: number, id: string, staffId: string, over: Record<string, unknown> = {}, comment: string | null = null) =>
  event('explanation_requested', at, { actorId: 'px', actorName: 'PX Admin', comment, data: { explanationId: id, staffId, level: 0, dueAt: at + 48 * H, ...over } });
const escalated = (at: number, id: string, from: string, staffId: string, level: number) =>
  event('explanation_requested', at, { actorId: null, actorName: null, data: { key: `${from}:explanation_escalation:${level}`, explanationId: id, escalatedFrom: from, staffId, level, dueAt: at + 48 * H } });
const system = (type: 'sla_reminder' | 'sla_overdue', at: number, id: string) => event(type, at, { actorId: null, actorName: null, data: { explanationId: id, level: 0 } });
const received = (at: number, id: string, staffId: string, name: string) =>
  event('explanation_received', at, { actorId: staffId, actorName: name, comment: 'I was covering two wards.', data: { explanationId: id, staffId, level: 0 } });

describe('explanation requests from the timeline', () => {
  it('shows a fresh request as waiting, with its message, deadline and who asked', () => {
    const [entry] = explanationsOf([requested(T0, 'r1', 'nurse', { staffName: 'Nurse Huda' }, 'Please explain the delay.')], T0 + H);
    expect(entry).toMatchObject({
      id: 'r1', staffId: 'nurse', staffName: 'Nurse Huda', holderId: 'nurse', level: 0, dueAt: T0 + 48 * H,
      state: 'pending', requestedBy: 'PX Admin', message: 'Please explain the delay.', reminded: false,
    });
  });

  it('follows a request up the chain: reminder, escalation to the manager, then the manager’s answer', () => {
    const events = [
      requested(T0, 'r1', 'nurse'),
      system('sla_reminder', T0 + 36 * H, 'r1'),
      escalated(T0 + 48 * H, 'r2', 'r1', 'manager', 1),
      received(T0 + 50 * H, 'r2', 'manager', 'Dr. Manager'),
    ];
    expect(explanationsOf(events.slice(0, 2), T0 + 40 * H)[0]).toMatchObject({ state: 'pending', reminded: true });
    expect(explanationsOf(events.slice(0, 3), T0 + 49 * H)[0]).toMatchObject({ holderId: 'manager', level: 1, dueAt: T0 + 96 * H, reminded: false, state: 'pending' });
    const [done] = explanationsOf(events, T0 + 200 * H);
    expect(done).toMatchObject({ id: 'r1', staffId: 'nurse', holderId: 'manager', level: 1, state: 'received', answeredAt: T0 + 50 * H, answeredBy: 'Dr. Manager' });
    // Whatever order the events arrived in, the same story.
    expect(explanationsOf([...events].reverse(), T0 + 200 * H)).toEqual([done]);
  });

  it('does not depend on event order: on a manual clock the request and its answer share one time', () => {
    const events = [
      { ...requested(T0, 'r1', 'nurse'), id: 'z-request' },
      { ...escalated(T0, 'r2', 'r1', 'manager', 1), id: 'm-escalation' },
      { ...received(T0, 'r2', 'manager', 'Dr. Manager'), id: 'a-answer' },
    ];
    for (const order of [events, [...events].reverse(), [events[1], events[2], events[0]]]) {
      const list = explanationsOf(order.filter((e) => e !== undefined), T0);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ id: 'r1', staffId: 'nurse', holderId: 'manager', level: 1, state: 'received' });
    }
  });

  it('calls a request past its deadline overdue, and expired once the last level ran out', () => {
    expect(explanationsOf([requested(T0, 'r1', 'nurse')], T0 + 48 * H)[0]?.state).toBe('overdue');
    expect(explanationsOf([requested(T0, 'r1', 'nurse'), system('sla_overdue', T0 + 48 * H, 'r1')], T0 + 49 * H)[0]?.state).toBe('expired');
  });

  it('lists several requests newest first and ignores events of nothing it knows', () => {
    const list = explanationsOf(
      [requested(T0, 'r1', 'nurse'), requested(T0 + H, 'r2', 'porter'), received(T0 + 2 * H, 'zz', 'x', 'X'), event('note', T0, { data: {} })],
      T0 + 2 * H,
    );
    expect(list.map((e) => e.id)).toEqual(['r2', 'r1']);
    expect(list.every((e) => e.state === 'pending')).toBe(true);
  });
});
