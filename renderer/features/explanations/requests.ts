import type { TimelineEventDoc } from '../../../shared/documents.ts';

/**
 * A complaint's staff explanation requests as the desk shows them, read from its timeline — so the
 * list works offline and needs no server call. The server (sync-server/explanations/) writes:
 *   explanation_requested  data {explanationId, staffId, staffName?, level, dueAt}; an escalation's
 *                          also has escalatedFrom (the request it replaces, one level down)
 *   explanation_received   data {explanationId, staffId, level}; comment = the answer
 *   sla_reminder           data.explanationId: the holder was reminded
 *   sla_overdue            data.explanationId: the last level expired with nobody left to ask
 * One entry per original request, following its escalations up the reports-to chain.
 */
export type ExplanationState = 'pending' | 'overdue' | 'received' | 'expired';

export type ExplanationEntry = {
  /** The original request's id. */
  id: string;
  requestedAt: number;
  requestedBy: string | null;
  message: string | null;
  /** The staff member first asked. */
  staffId: string;
  staffName: string | null;
  /** Who is asked now: the staff member, or the manager it was escalated to. */
  holderId: string;
  /** 0 = the staff member; n = the n-th manager up the chain. */
  level: number;
  /** The current level's deadline. */
  dueAt: number | null;
  reminded: boolean;
  state: ExplanationState;
  answeredAt: number | null;
  answeredBy: string | null;
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Nothing here depends on the order of the events: on a manual clock (tests, demos) a request and
 * its answer share one time, and event ids do not say which came first.
 */
export function explanationsOf(events: readonly TimelineEventDoc[], now: number): ExplanationEntry[] {
  const requests = events.filter((e) => e.type === 'explanation_requested' && str(e.data.explanationId) !== null);
  const byId = new Map(requests.map((e) => [str(e.data.explanationId) as string, e]));
  /** The original request a request (of any level) belongs to; a broken or looping chain ends where it breaks. */
  const rootOf = (requestId: string): string => {
    let id = requestId;
    const seen = new Set<string>();
    for (;;) {
      seen.add(id);
      const parent = str(byId.get(id)?.data.escalatedFrom);
      if (parent === null || !byId.has(parent) || seen.has(parent)) return id;
      id = parent;
    }
  };

  const entries = new Map<string, ExplanationEntry>();
  /** Entry id → the id of its current (highest) level's request. */
  const current = new Map<string, string>();
  for (const [id, e] of byId) {
    if (rootOf(id) !== id) continue;
    const staffId = str(e.data.staffId) ?? '';
    entries.set(id, {
      id,
      requestedAt: e.at,
      requestedBy: e.actorName ?? e.actorId,
      message: e.comment,
      staffId,
      staffName: str(e.data.staffName),
      holderId: staffId,
      level: num(e.data.level) ?? 0,
      dueAt: num(e.data.dueAt),
      reminded: false,
      state: 'pending',
      answeredAt: null,
      answeredBy: null,
    });
    current.set(id, id);
  }
  for (const [id, e] of byId) {
    const entry = entries.get(rootOf(id));
    const level = num(e.data.level) ?? 0;
    if (!entry || entry.id === id || level <= entry.level) continue;
    entry.holderId = str(e.data.staffId) ?? entry.holderId;
    entry.level = level;
    entry.dueAt = num(e.data.dueAt);
    current.set(entry.id, id);
  }
  for (const e of events) {
    const requestId = str(e.data.explanationId);
    if (requestId === null || !byId.has(requestId)) continue;
    const entry = entries.get(rootOf(requestId));
    if (!entry) continue;
    const isCurrent = current.get(entry.id) === requestId;
    if (e.type === 'explanation_received') {
      entry.state = 'received';
      entry.answeredAt = e.at;
      entry.answeredBy = e.actorName ?? str(e.data.staffId);
    } else if (e.type === 'sla_reminder' && isCurrent) {
      entry.reminded = true;
    } else if (e.type === 'sla_overdue' && isCurrent && entry.state !== 'received') {
      entry.state = 'expired';
    }
  }
  const out = [...entries.values()];
  for (const entry of out) {
    if (entry.state === 'pending' && entry.dueAt !== null && entry.dueAt <= now) entry.state = 'overdue';
  }
  return out.sort((a, b) => b.requestedAt - a.requestedAt || (a.id < b.id ? 1 : -1));
}
