import { map } from 'rxjs';
import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import type { DeskSession } from '../../app/session.ts';
import { useObservable } from '../../ui/hooks.ts';

/** undefined while loading, null when this desk does not hold the complaint. */
export function useComplaint(desk: DeskSession, id: string): ComplaintDoc | null | undefined {
  return useObservable<ComplaintDoc | null | undefined>(
    () => desk.db.complaints.findOne(id).$.pipe(map((d) => (d ? (d.toJSON() as ComplaintDoc) : null))),
    [desk, id],
    undefined,
  );
}

/** The complaint's timeline, oldest first, on the [complaintId, at] index. */
export function useTimeline(desk: DeskSession, id: string): TimelineEventDoc[] {
  return useObservable(
    () =>
      desk.db.events
        .find({ selector: { complaintId: id }, sort: [{ complaintId: 'asc' }, { at: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as TimelineEventDoc))),
    [desk, id],
    [],
  );
}
