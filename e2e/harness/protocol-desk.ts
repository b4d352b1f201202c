import type { LoginResponse } from '../../shared/api.ts';
import { UNCONFIRMED_SERVER_FIELDS, type ComplaintDoc, type TimelineEventDoc } from '../../shared/documents.ts';
import { newTrackingSecret, uuidv7 } from '../../shared/ids.ts';
import { takeReference, type HeldBlock } from '../../shared/reference-number.ts';
import type { WireDoc } from '../../shared/replication.ts';
import { Api } from './api.ts';

/**
 * A desk made of the real replication protocol and nothing else: it leases reference blocks,
 * creates complaints with their `created` event exactly as a desk would, and pushes them. Used
 * where a test needs more write pressure than a browser can give (the crash test, the benchmark).
 */
export class ProtocolDesk {
  readonly deskId: string;
  private blocks: HeldBlock[] = [];

  constructor(
    readonly api: Api,
    readonly session: LoginResponse,
    readonly hospitalId: string,
  ) {
    this.deskId = uuidv7(Date.now());
  }

  async ensureNumbers(year: number, min = 1, size = 50): Promise<void> {
    const left = this.blocks.filter((b) => b.year === year).reduce((s, b) => s + b.end - b.next + 1, 0);
    if (left >= min) return;
    const block = await this.api.lease(this.deskId, this.hospitalId, year, size);
    this.blocks.push({ ...block, next: block.start });
  }

  /** A new complaint and its `created` event, as the desk writes them locally (not pushed yet). */
  makeComplaint(now: number, title: string): { complaint: WireDoc<'complaints'>; event: WireDoc<'events'> } {
    const year = new Date(now).getUTCFullYear();
    const taken = takeReference(this.blocks, year);
    if (!taken) throw new Error('no leased reference number left: call ensureNumbers first');
    this.blocks = taken.blocks;
    const user = this.session.user;
    const complaint: ComplaintDoc = {
      id: uuidv7(now),
      hospitalId: this.hospitalId,
      departmentId: null,
      referenceNumber: taken.reference,
      sourceCode: 'PATIENT',
      channel: 'walk_in',
      type: 'complaint',
      title,
      description: `${title}: the waiting room was full and nobody called my name.`,
      category: null,
      severity: 'medium',
      priority: 'medium',
      status: 'PENDING',
      assigneeId: null,
      complainant: { name: 'Protocol Desk Complainant', phone: null, email: null, language: 'ar', smsOptOut: true },
      patient: null,
      resolution: null,
      trackingSecret: newTrackingSecret(),
      deskId: this.deskId,
      createdAt: now,
      createdBy: user.id,
      updatedAt: now,
      updatedBy: user.id,
      ...UNCONFIRMED_SERVER_FIELDS,
    };
    const event: TimelineEventDoc = {
      id: uuidv7(now),
      complaintId: complaint.id,
      hospitalId: this.hospitalId,
      type: 'created',
      at: now,
      actorId: user.id,
      actorName: user.displayName,
      field: null,
      from: null,
      to: 'PENDING',
      comment: null,
      visibility: 'internal',
      data: {},
    };
    return { complaint: { ...complaint, _deleted: false }, event: { ...event, _deleted: false } };
  }

  /** Pushes complaints then their events; resolves with the push statuses. */
  async push(
    items: { complaint: WireDoc<'complaints'>; event: WireDoc<'events'> }[],
  ): Promise<{ complaints: number; events: number }> {
    const c = await this.api.push('complaints', this.hospitalId, {
      deskId: this.deskId,
      rows: items.map((i) => ({ assumedMasterState: null, newDocumentState: i.complaint })),
    });
    if (c.status < 200 || c.status > 299) return { complaints: c.status, events: 0 };
    const e = await this.api.push('events', this.hospitalId, {
      deskId: this.deskId,
      rows: items.map((i) => ({ assumedMasterState: null, newDocumentState: i.event })),
    });
    return { complaints: c.status, events: e.status };
  }
}

export async function protocolDesk(baseUrl: string, username: string, password: string, hospitalId: string): Promise<ProtocolDesk> {
  const { api, session } = await Api.login(baseUrl, username, password);
  return new ProtocolDesk(api, session, hospitalId);
}
