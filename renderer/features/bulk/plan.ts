import type { ComplaintDoc, StaffDoc } from '../../../shared/documents.ts';
import type { ComplaintStatus, Priority } from '../../../shared/enums.ts';
import type { TransitionError } from '../../../shared/workflow.ts';
import { assign, changeField, changeStatus, type ChangeContext, type ComplaintChange } from '../detail/actions.ts';
import { mayAssignTo, mayChange, type ComplaintActor as Actor, type ComplaintRefusal as PolicyError } from '../../../shared/complaint-access.ts';

/**
 * A bulk action (source document 003, complaints.bulk-action: assign, update-status,
 * update-priority, close — each with a comment) planned complaint by complaint with the detail
 * page's own change builders (renderer/features/detail/actions.ts), so each change is validated
 * by the workflow and recorded on its complaint's timeline exactly as a single change is.
 */
export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null; comment: string }
  | { kind: 'status'; to: ComplaintStatus; comment: string; resolution: string }
  | { kind: 'priority'; priority: Priority; comment: string }
  | { kind: 'close'; comment: string };

export type BulkError =
  | PolicyError
  | TransitionError['code']
  | 'no_change'
  | 'unknown_assignee'
  | 'not_found'
  | 'save_failed';

export type BulkRow =
  | { id: string; reference: string; ok: true; change: ComplaintChange }
  | { id: string; reference: string; ok: false; error: BulkError; detail?: string };

const withComment = (change: ComplaintChange, comment: string): ComplaintChange => {
  const text = comment.trim();
  return text && !change.event.comment ? { ...change, event: { ...change.event, comment: text.slice(0, 4_000) } } : change;
};

function planOne(c: ComplaintDoc, action: BulkAction, actor: Actor, staff: ReadonlyMap<string, StaffDoc>, ctx: ChangeContext): BulkRow {
  const row = { id: c.id, reference: c.referenceNumber };
  const refused = mayChange(actor, c);
  if (refused) return { ...row, ok: false, error: refused };
  const named = (id: string | null) => {
    if (id === null) return null;
    const s = staff.get(id);
    return { id, name: s ? s.displayName || s.username : id };
  };
  switch (action.kind) {
    case 'assign': {
      const target = action.assigneeId === null ? null : staff.get(action.assigneeId);
      if (action.assigneeId !== null && (!target || !target.active)) return { ...row, ok: false, error: 'unknown_assignee' };
      const notAllowed = mayAssignTo(actor, action.assigneeId);
      if (notAllowed) return { ...row, ok: false, error: notAllowed };
      const change = assign(c, named(c.assigneeId), named(action.assigneeId), ctx);
      return change ? { ...row, ok: true, change: withComment(change, action.comment) } : { ...row, ok: false, error: 'no_change' };
    }
    case 'priority': {
      const change = changeField(c, 'priority', action.priority, ctx);
      return change ? { ...row, ok: true, change: withComment(change, action.comment) } : { ...row, ok: false, error: 'no_change' };
    }
    case 'status':
    case 'close': {
      const input =
        action.kind === 'close'
          ? { to: 'CLOSED' as const, comment: action.comment, resolution: '' }
          : { to: action.to, comment: action.comment, resolution: action.resolution };
      const result = changeStatus(c, input, ctx);
      if (!result.ok) {
        const detail = result.error.code === 'not_allowed' ? result.error.allowed.join(',') : undefined;
        return { ...row, ok: false, error: result.error.code, ...(detail !== undefined ? { detail } : {}) };
      }
      return { ...row, ok: true, change: result.change };
    }
  }
}

/** One row per requested id, in the order asked; an id no longer on this desk is `not_found`. */
export function planBulk(
  ids: readonly string[],
  complaints: ReadonlyMap<string, ComplaintDoc>,
  action: BulkAction,
  actor: Actor,
  staff: ReadonlyMap<string, StaffDoc>,
  ctx: ChangeContext,
): BulkRow[] {
  return ids.map((id) => {
    const c = complaints.get(id);
    return c ? planOne(c, action, actor, staff, ctx) : { id, reference: id, ok: false, error: 'not_found' };
  });
}
