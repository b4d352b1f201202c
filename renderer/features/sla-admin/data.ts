import type { RxCollection } from 'rxdb';
import { map } from 'rxjs';
import type { CalendarDoc, EscalationRuleDoc, SlaConfigDoc } from '../../../shared/documents.ts';
import type { DocOf } from '../../../shared/replication.ts';
import type { DeskSession } from '../../app/session.ts';
import { useObservable } from '../../ui/hooks.ts';

/**
 * The hospital's SLA data as replicated to this desk, live; null until the local database has
 * answered, so a screen never takes "not loaded yet" for "none" (the SLA panel would briefly
 * project the 48 h default). Read only: the server owns these collections, and an admin's change
 * comes back through replication.
 */
type SlaCollection = 'slaConfigs' | 'escalationRules' | 'calendars';

function useHospitalDocs<C extends SlaCollection>(desk: DeskSession, name: C, order?: (a: DocOf<C>, b: DocOf<C>) => number): DocOf<C>[] | null {
  return useObservable<DocOf<C>[] | null>(
    () => {
      // One collection type at a time: the union of the three has no callable `find`.
      const collection = desk.db[name] as unknown as RxCollection<DocOf<SlaCollection>>;
      return collection.find({ selector: { hospitalId: desk.hospitalId } }).$.pipe(
        map((docs) => {
          const out = docs.map((d) => d.toJSON() as unknown as DocOf<C>);
          return order ? out.sort(order) : out;
        }),
      );
    },
    [desk],
    null,
  );
}

export const useSlaConfigs = (desk: DeskSession): SlaConfigDoc[] | null => useHospitalDocs(desk, 'slaConfigs');

export const useEscalationRules = (desk: DeskSession): EscalationRuleDoc[] | null =>
  useHospitalDocs(desk, 'escalationRules', (a, b) => a.level - b.level || a.order - b.order);

export const useCalendars = (desk: DeskSession): CalendarDoc[] | null => useHospitalDocs(desk, 'calendars');
