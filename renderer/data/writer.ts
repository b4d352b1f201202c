import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import type { DeskDatabase } from '../db/database.ts';
import type { Outbox } from '../sync/outbox.ts';

/**
 * Every write the desk UI makes goes through here, so each one is counted in the outbox
 * (unsynced work shown in the header) with the state that was actually written.
 */
export class DeskWriter {
  constructor(
    private readonly db: DeskDatabase,
    private readonly outbox: Outbox,
  ) {}

  async createComplaint(complaint: ComplaintDoc, created: TimelineEventDoc): Promise<void> {
    const doc = await this.db.complaints.insert(complaint);
    this.outbox.record('complaints', doc.toJSON() as ComplaintDoc);
    await this.addEvent(created);
  }

  /** Patches the latest local version (a pull may have landed meanwhile) and adds the event. */
  async changeComplaint(id: string, patch: Partial<ComplaintDoc>, event: TimelineEventDoc): Promise<void> {
    const doc = await this.db.complaints.findOne(id).exec();
    if (!doc) throw new Error(`complaint ${id} not found`);
    const updated = await doc.incrementalPatch(patch);
    this.outbox.record('complaints', updated.toJSON() as ComplaintDoc);
    await this.addEvent(event);
  }

  private async addEvent(event: TimelineEventDoc): Promise<void> {
    await this.db.events.insert(event);
    this.outbox.record('events', event);
  }
}
