import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { deskEvent, push, wire } from '../complaints/fixtures.ts';
import { findComplaint } from '../complaints/store.ts';
import { surveyPath } from './links.ts';
import { CLOSE_STEPS, makeComplaint, moveTo, raw, startPublicWorld, textOf, type Made, type PublicWorld } from './testing.ts';

/**
 * The public pages show a complaint's state, never what is private in it. A complaint is seeded
 * with distinctive text in every private place — names, phone, e-mail, patient identifiers,
 * title and description (the condition), internal notes, an internal reply, staff comments on
 * status changes, an explanation request — and none of it may appear on any public page, in
 * either language, at any stage.
 */
let w: PublicWorld;
let c: Made;

const PRIVATE = {
  name: 'Zubaida-Private-Name',
  phone: '0551112233',
  phoneDigits: '551112233',
  email: 'zubaida.private@example.org',
  title: 'Title-Condition-Diabetic-Foot',
  description: 'Description-Condition-Gangrene-Left-Toe',
  note: 'Internal-Note-Doctor-Khalid-Negligent',
  internalReply: 'Internal-Reply-Draft-Not-Sent',
  transitionComment: 'Transition-Comment-Sent-To-Dr-Faisal',
  explanation: 'Explanation-Message-Why-Late',
  mrn: 'MRN-778899',
  nationalId: '1098765432',
} as const;
const PUBLIC_REPLY = 'We have spoken to the clinic and will call you tomorrow.';

beforeAll(async () => {
  w = await startPublicWorld();
  c = await makeComplaint(w, {
    title: PRIVATE.title,
    description: PRIVATE.description,
    complainant: { name: PRIVATE.name, phone: PRIVATE.phone, email: PRIVATE.email, language: 'ar' },
  });
  // Patient identifiers and internal events come from a desk.
  const row = await findComplaint(w.srv.db.pool, c.id);
  if (!row) throw new Error('no complaint');
  const assumed: ComplaintDoc = row.doc;
  const withPatient: ComplaintDoc = { ...assumed, patient: { mrn: PRIVATE.mrn, nationalId: PRIVATE.nationalId }, updatedAt: assumed.updatedAt + 1 };
  expect((await push(w.srv, w.tokens.mainDesk, 'complaints', w.main.id, [{ assumedMasterState: wire(assumed), newDocumentState: wire(withPatient) }])).status).toBe(200);
  const now = w.srv.deps.clock.now();
  const events = [
    deskEvent(assumed, w.users.mainDesk, now, { type: 'note', comment: PRIVATE.note, visibility: 'internal' }),
    deskEvent(assumed, w.users.mainDesk, now + 1, { type: 'reply', comment: PRIVATE.internalReply, visibility: 'internal' }),
    deskEvent(assumed, w.users.mainDesk, now + 2, { type: 'reply', comment: PUBLIC_REPLY, visibility: 'public' }),
  ];
  const res = await push(w.srv, w.tokens.mainDesk, 'events', w.main.id, events.map((e) => ({ assumedMasterState: null, newDocumentState: wire(e) })));
  expect(res.status).toBe(200);
  const staff = await w.srv.call('POST', `/api/v1/complaints/${c.id}/explanations`, { token: w.tokens.admin, body: { staffId: w.users.mainDesk, message: PRIVATE.explanation } });
  expect(staff.status).toBe(201);
  await moveTo(w, c.id, [{ to: 'ASSIGNED', comment: PRIVATE.transitionComment }]);
});
afterAll(async () => {
  await w?.close();
});

async function pages(): Promise<string[]> {
  const out: string[] = [];
  for (const lang of ['', '&lang=en']) {
    out.push((await raw(w.srv.url, `${c.path}?s=${c.secret}${lang}`)).body);
    out.push((await raw(w.srv.url, `${surveyPath(c.referenceNumber)}?s=${c.secret}${lang}`)).body);
  }
  return out;
}

function expectNothingPrivate(html: string): void {
  for (const text of Object.values(PRIVATE)) expect(html).not.toContain(text);
  expect(html).not.toContain('Main Desk');
  expect(html).not.toMatch(/\+966/);
}

describe('what the public pages never show', () => {
  it('while the complaint is open: its status and the public reply, nothing private', async () => {
    const all = await pages();
    for (const html of all) expectNothingPrivate(html);
    expect(textOf(all[2] ?? '')).toContain(PUBLIC_REPLY);
    expect(textOf(all[2] ?? '')).toContain('Your complaint is with the team responsible');
  });

  it('once resolved and closed, with its survey and its SMS: still nothing private', async () => {
    await moveTo(w, c.id, CLOSE_STEPS.slice(1));
    const all = await pages();
    for (const html of all) expectNothingPrivate(html);
    const en = textOf(all[2] ?? '');
    expect(en).toContain('We apologised and fixed the queue.');
    expect(en).toContain('Rate our service');
    expect(all[3]).toContain('name="score"');
  });
});
