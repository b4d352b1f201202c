import type { RxCollection } from 'rxdb';
import { map } from 'rxjs';
import type { CategoryDoc } from '../../../shared/admin-documents.ts';
import type { DepartmentDoc, SourceDoc, StaffDoc } from '../../../shared/documents.ts';
import { ACTIVE_STATUSES } from '../../../shared/workflow.ts';
import type { DeskSession } from '../../app/session.ts';
import { useObservable } from '../../ui/hooks.ts';

/**
 * The directory as replicated to this desk, live; null until the local database has answered.
 * Read only: an admin's change comes back through replication.
 */
function useDocs<T extends { code?: string; username?: string }>(desk: DeskSession, name: 'departments' | 'staff' | 'categories' | 'sources', hospitalScoped: boolean): T[] | null {
  return useObservable<T[] | null>(
    () => {
      const collection = desk.db[name] as unknown as RxCollection<T>;
      const query = hospitalScoped ? collection.find({ selector: { hospitalId: desk.hospitalId } as never }) : collection.find();
      return query.$.pipe(
        map((docs) =>
          docs.map((d) => d.toJSON() as unknown as T).sort((a, b) => (a.code ?? a.username ?? '').localeCompare(b.code ?? b.username ?? '')),
        ),
      );
    },
    [desk],
    null,
  );
}

export const useDepartments = (desk: DeskSession) => useDocs<DepartmentDoc>(desk, 'departments', true);
export const useCategories = (desk: DeskSession) => useDocs<CategoryDoc>(desk, 'categories', true);
export const useSources = (desk: DeskSession) => useDocs<SourceDoc>(desk, 'sources', false);
/** The hospital's own staff (group-level staff replicate too, but are not this hospital's to run). */
export const useStaff = (desk: DeskSession) => useDocs<StaffDoc>(desk, 'staff', true);

/** Open complaints (not resolved, closed or cancelled) assigned to each member of staff. */
export function useOpenLoads(desk: DeskSession): ReadonlyMap<string, number> {
  return useObservable<ReadonlyMap<string, number>>(
    () =>
      desk.db.complaints
        .find({ selector: { hospitalId: desk.hospitalId, status: { $in: [...ACTIVE_STATUSES] } } })
        .$.pipe(
          map((docs) => {
            const loads = new Map<string, number>();
            for (const d of docs) if (d.assigneeId) loads.set(d.assigneeId, (loads.get(d.assigneeId) ?? 0) + 1);
            return loads;
          }),
        ),
    [desk],
    new Map(),
  );
}
