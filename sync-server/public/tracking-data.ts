import { createHash, timingSafeEqual } from 'node:crypto';
import type { TimelineEventDoc } from '../../shared/documents.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../shared/enums.ts';
import { isReference } from '../../shared/reference-number.ts';
import type { Queryable } from '../db/pool.ts';

/**
 * What the public pages read about a complaint: ONE indexed query by reference number (the
 * complaint, its hospital's names and the few facts of its public events, in one round trip, as a
 * prepared statement), never the complainant, the description or the text of internal events.
 * Everything is read whether or not the caller's secret turns out to match, so an existing
 * reference costs the same work for a wrong secret as for the right one.
 */
export type PublicEvent = Pick<TimelineEventDoc, 'id' | 'type' | 'at' | 'to' | 'comment' | 'visibility' | 'data'>;

export type PublicComplaint = {
  id: string;
  hospitalId: string;
  referenceNumber: string;
  trackingSecret: string;
  status: ComplaintStatus;
  dueAt: number | null;
  resolution: string | null;
  hospital: { nameAr: string; nameEn: string } | null;
  /** Oldest first; only the kinds `publicTimeline` may show, with internal text left out. */
  events: PublicEvent[];
};

/** The reference as stored (upper case), or null when it cannot be one: no query is made for it. */
export function normaliseReference(raw: string): string | null {
  const ref = raw.trim().toUpperCase();
  return ref.length <= 24 && isReference(ref) ? ref : null;
}

// Only a reply marked public keeps its text; every other comment stays in the database.
const TRACKING_SQL = `
  SELECT c.id, c.hospital_id, c.reference_number, c.tracking_secret, c.status, c.due_at,
         c.doc->>'resolution' AS resolution, h.doc->>'nameAr' AS name_ar, h.doc->>'nameEn' AS name_en,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', e.id, 'type', e.type, 'at', e.at, 'to', e.doc->'to', 'visibility', e.visibility,
                   'comment', CASE WHEN e.type = 'reply' AND e.visibility = 'public' THEN e.doc->'comment' END,
                   'data', json_build_object('channel', e.doc->'data'->'channel', 'status', e.doc->'data'->'status',
                                             'shownToComplainant', e.doc->'data'->'shownToComplainant',
                                             'surveyId', e.doc->'data'->'surveyId'))
                 ORDER BY e.at, e.seq), '[]'::json)
            FROM events e
           WHERE e.complaint_id = c.id AND NOT e.deleted
             AND e.type IN ('created', 'status_changed', 'reply', 'communication', 'survey_received')) AS events
    FROM complaints c
    LEFT JOIN hospitals h ON h.id = c.hospital_id AND NOT h.deleted
   WHERE c.reference_number = $1 AND NOT c.deleted`;

type Row = {
  id: string;
  hospital_id: string;
  reference_number: string;
  tracking_secret: string;
  status: string;
  due_at: number | null;
  resolution: string | null;
  name_ar: string | null;
  name_en: string | null;
  events: PublicEvent[];
};

const STATUSES = new Set<string>(COMPLAINT_STATUSES);

export async function loadPublicComplaint(q: Queryable, reference: string): Promise<PublicComplaint | null> {
  const ref = normaliseReference(reference);
  if (ref === null) return null;
  const { rows } = await q.query<Row>({ name: 'public_tracking_v1', text: TRACKING_SQL, values: [ref] });
  const r = rows[0];
  if (!r || !STATUSES.has(r.status)) return null;
  return {
    id: r.id,
    hospitalId: r.hospital_id,
    referenceNumber: r.reference_number,
    trackingSecret: r.tracking_secret,
    status: r.status as ComplaintStatus,
    dueAt: r.due_at === null ? null : Number(r.due_at),
    resolution: r.resolution,
    hospital: r.name_ar === null && r.name_en === null ? null : { nameAr: r.name_ar ?? '', nameEn: r.name_en ?? '' },
    events: r.events,
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

const NO_SECRET = digest('\u0000no-complaint');

/**
 * True only for a non-empty `given` equal to the complaint's secret. Hashes are compared in
 * constant time, and a missing complaint is compared against a dummy, so the time taken says
 * nothing about how much of a secret was right or whether the reference exists.
 */
export function secretMatches(given: string, complaint: Pick<PublicComplaint, 'trackingSecret'> | null): boolean {
  const same = timingSafeEqual(digest(given), complaint === null ? NO_SECRET : digest(complaint.trackingSecret));
  return same && given !== '' && complaint !== null;
}

/** The secret a request carries (`s`, from the query or a form), trimmed; '' when none. */
export function givenSecret(...sources: unknown[]): string {
  for (const source of sources) {
    const s = (source as { s?: unknown } | null | undefined)?.s;
    if (typeof s === 'string' && s.trim() !== '') return s.trim().slice(0, 128);
  }
  return '';
}
