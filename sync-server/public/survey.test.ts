import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThresholdDoc } from '../../shared/documents.ts';
import type { ComplaintDetail } from '../complaints/view.ts';
import { waitFor } from '../notifications/testing.ts';
import { surveyPath } from './links.ts';
import { CLOSE_STEPS, makeComplaint, moveTo, raw, startPublicWorld, textOf, type PublicWorld } from './testing.ts';

/**
 * The satisfaction survey: the link in the closure SMS, the page, one answer per closure, and
 * where the answer goes (the timeline, the hospital's thresholds).
 */
let w: PublicWorld;
let n = 10;
const from = () => `127.0.6.${n++}`;

beforeAll(async () => {
  w = await startPublicWorld({ ORG_NAME: 'SHCT' });
});
afterAll(async () => {
  await w?.close();
});

const detail = async (id: string) => (await w.srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${id}`, { token: w.tokens.admin })).body;

describe('satisfaction survey', () => {
  it('comes as a link in the closure SMS, is accepted once and refused the second time', async () => {
    const c = await makeComplaint(w, { complainant: { name: 'Huda', phone: '0561234567', language: 'en' } });
    await moveTo(w, c.id, CLOSE_STEPS);
    const closed = await waitFor(() => [...w.gw.delivered.values()].find((d) => d.text.includes(c.referenceNumber) && d.text.includes('Closed')), 'the closure SMS');
    const link = /Rate our service: (\S+)/.exec(closed.text)?.[1] ?? '';
    expect(link).toBe(`${w.srv.deps.config.baseUrl}${surveyPath(c.referenceNumber)}?s=${c.secret}`);

    const url = new URL(link);
    const path = `${url.pathname}${url.search}&lang=en`;
    const form = await raw(w.srv.url, path, { localAddress: from() });
    expect(form.status).toBe(200);
    expect(form.body).toContain('<fieldset>');
    for (const score of [1, 2, 3, 4, 5]) expect(form.body).toContain(`name="score" value="${score}"`);
    expect(form.body).not.toMatch(/<script/i);

    const first = await raw(w.srv.url, path, { form: { score: '4', comment: 'Quick and kind, thank you' }, localAddress: from() });
    expect(first.status).toBe(200);
    expect(textOf(first.body)).toContain('We received your rating');

    const second = await raw(w.srv.url, path, { form: { score: '1', comment: 'Changed my mind' }, localAddress: from() });
    expect(second.status).toBe(409);
    expect(textOf(second.body)).toContain('You already rated this complaint, and only one rating is accepted');
    expect((await raw(w.srv.url, path, { localAddress: from() })).body).toContain('We already have your rating');

    const events = (await detail(c.id)).events.filter((e) => e.type === 'survey_received');
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ score: 4, comment: 'Quick and kind, thank you' });
    expect(events[0]?.visibility).toBe('internal');

    // The tracking page shows that the rating arrived, not what it said.
    const page = textOf((await raw(w.srv.url, `${c.path}?s=${c.secret}&lang=en`, { localAddress: from() })).body);
    expect(page).toContain('We received your feedback, thank you');
    expect(page).not.toContain('Quick and kind');
    expect(page).not.toContain('Rate our service');
  });

  it('applies the hospital’s survey thresholds: a low score leaves a follow-up for staff', async () => {
    const t = await w.srv.call<ThresholdDoc>('POST', '/api/v1/sla/thresholds', {
      token: w.tokens.admin,
      body: { hospitalId: w.main.id, metric: 'survey_score', operator: 'lt', value: 3, action: 'follow_up' },
    });
    expect(t.status).toBe(201);
    const c = await makeComplaint(w);
    await moveTo(w, c.id, CLOSE_STEPS);
    const res = await raw(w.srv.url, `${surveyPath(c.referenceNumber)}?s=${c.secret}`, { form: { score: '2', comment: 'لم يتصل بي أحد' }, localAddress: from() });
    expect(res.status).toBe(200);
    const notes = (await detail(c.id)).events.filter((e) => e.type === 'note' && e.data.kind === 'follow_up');
    expect(notes).toHaveLength(1);
  });

  it('is offered on the tracking page of a closed complaint only, and not open before closure', async () => {
    const c = await makeComplaint(w);
    const open = await raw(w.srv.url, `${surveyPath(c.referenceNumber)}?s=${c.secret}&lang=en`, { localAddress: from() });
    expect(open.status).toBe(200);
    expect(textOf(open.body)).toContain('The survey opens once your complaint is closed');
    expect(open.body).not.toContain('name="score"');
    const post = await raw(w.srv.url, `${surveyPath(c.referenceNumber)}?s=${c.secret}`, { form: { score: '5' }, localAddress: from() });
    expect(post.status).toBe(200);
    expect((await detail(c.id)).events.some((e) => e.type === 'survey_received')).toBe(false);
    expect((await raw(w.srv.url, `${c.path}?s=${c.secret}&lang=en`, { localAddress: from() })).body).not.toContain('Rate our service');

    await moveTo(w, c.id, CLOSE_STEPS);
    const tracking = await raw(w.srv.url, `${c.path}?s=${c.secret}&lang=en`, { localAddress: from() });
    expect(tracking.body).toContain(`href="${surveyPath(c.referenceNumber)}?s=${c.secret}&#38;lang=en"`);
  });

  it('asks again for a missing score or a comment too long, keeping what was typed', async () => {
    const c = await makeComplaint(w);
    await moveTo(w, c.id, CLOSE_STEPS);
    const path = `${surveyPath(c.referenceNumber)}?s=${c.secret}&lang=en`;
    const missing = await raw(w.srv.url, path, { form: { comment: 'Kept <b>text</b>' }, localAddress: from() });
    expect(missing.status).toBe(422);
    expect(textOf(missing.body)).toContain('Please choose a rating from 1 to 5');
    expect(missing.body).toContain('Kept &#60;b&#62;text&#60;/b&#62;');
    expect(missing.body).toContain('role="alert"');
    const long = await raw(w.srv.url, path, { form: { score: '3', comment: 'x'.repeat(2_001) }, localAddress: from() });
    expect(long.status).toBe(422);
    expect(long.body).toContain('aria-invalid="true"');
    expect((await detail(c.id)).events.some((e) => e.type === 'survey_received')).toBe(false);
  });

  it('opens nothing without the right secret: the same answer as for a reference that does not exist', async () => {
    const c = await makeComplaint(w);
    await moveTo(w, c.id, CLOSE_STEPS);
    const missing = `CMP-${c.referenceNumber.slice(4, 8)}-987654`;
    const answers = await Promise.all([
      raw(w.srv.url, surveyPath(c.referenceNumber), { localAddress: from() }),
      // One character off (never the same character: a secret ending in 'A' would stay right).
      raw(w.srv.url, `${surveyPath(c.referenceNumber)}?s=${c.secret.slice(0, -1)}${c.secret.endsWith('A') ? 'B' : 'A'}`, { localAddress: from() }),
      raw(w.srv.url, `${surveyPath(missing)}?s=${c.secret}`, { localAddress: from() }),
      raw(w.srv.url, `${surveyPath(c.referenceNumber)}?s=wrong`, { form: { score: '1' }, localAddress: from() }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body).toBe(answers[0]?.body);
      expect(a.body).not.toContain('CMP-');
    }
    expect((await detail(c.id)).events.some((e) => e.type === 'survey_received')).toBe(false);
  });
});
