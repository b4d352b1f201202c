import { map } from 'rxjs';
import type { CalendarDoc, EscalationRuleDoc, SlaConfigDoc } from '../../../shared/documents.ts';
import type { DeskSession } from '../../app/session.ts';
import { useObservable } from '../../ui/hooks.ts';

/**
 * The hospital's SLA data as replicated to this desk, live. Read only: the server owns these
 * collections, and an admin's change comes back through replication.
 */
export function useSlaConfigs(desk: DeskSession): SlaConfigDoc[] {
  return useObservable(
    () =>
      desk.db.slaConfigs
        .find({ selector: { hospitalId: desk.hospitalId } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as SlaConfigDoc))),
    [desk],
    [],
  );
}

export function useEscalationRules(desk: DeskSession): EscalationRuleDoc[] {
  return useObservable(
    () =>
      desk.db.escalationRules
        .find({ selector: { hospitalId: desk.hospitalId } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as EscalationRuleDoc).sort((a, b) => a.level - b.level || a.order - b.order))),
    [desk],
    [],
  );
}

export function useCalendars(desk: DeskSession): CalendarDoc[] {
  return useObservable(
    () =>
      desk.db.calendars
        .find({ selector: { hospitalId: desk.hospitalId } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as CalendarDoc))),
    [desk],
    [],
  );
}
