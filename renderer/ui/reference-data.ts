import { map } from 'rxjs';
import type { DepartmentDoc, SourceDoc, StaffDoc } from '../../shared/documents.ts';
import type { Language } from '../../shared/enums.ts';
import type { DeskSession } from '../app/session.ts';
import { useObservable } from './hooks.ts';

/** The small replicated lists the forms pick from, live. */
export function useSources(desk: DeskSession): SourceDoc[] {
  return useObservable(
    () =>
      desk.db.sources
        .find({ sort: [{ code: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as SourceDoc))),
    [desk],
    [],
  );
}

export function useDepartments(desk: DeskSession): DepartmentDoc[] {
  return useObservable(
    () =>
      desk.db.departments
        .find({ selector: { hospitalId: desk.hospitalId } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as DepartmentDoc))),
    [desk],
    [],
  );
}

/** Staff of this hospital plus group-level staff (who may work on every hospital). */
export function useStaff(desk: DeskSession): StaffDoc[] {
  return useObservable(
    () =>
      desk.db.staff.find().$.pipe(
        map((docs) =>
          docs
            .map((d) => d.toJSON() as StaffDoc)
            .filter((s) => s.hospitalId === desk.hospitalId || s.hospitalId === null)
            .sort((a, b) => a.displayName.localeCompare(b.displayName)),
        ),
      ),
    [desk],
    [],
  );
}

export const localName = (item: { nameAr: string; nameEn: string; code: string }, lang: Language) =>
  (lang === 'ar' ? item.nameAr || item.nameEn : item.nameEn || item.nameAr) || item.code;
