import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gatewayEnv, startFakeGateway, waitFor, type FakeGateway } from '../sync-server/notifications/testing.ts';
import type { ApiComplaint } from './harness/api.ts';
import { startWorld, type World } from './harness/world.ts';
import { seriousViolations } from './pages/Axe.ts';
import { SurveyPage } from './pages/SurveyPage.ts';
import { TrackingPage } from './pages/TrackingPage.ts';

/**
 * The satisfaction survey after closure, as the complainant meets it: a link in the closure SMS
 * (fake SMS gateway on loopback), a 1–5 score and a comment, accepted once and refused the
 * second time; the answer lands on the complaint's timeline.
 */
describe('satisfaction survey', () => {
  let gw: FakeGateway;
  let world: World;
  let complaint: ApiComplaint;
  let surveyLink: string;

  beforeAll(async () => {
    gw = await startFakeGateway();
    world = await startWorld(inject('pgAdminUrl'), gatewayEnv(gw, 2_000));
    complaint = await world.admin.createComplaint({
      hospitalId: world.main.id,
      sourceCode: 'PATIENT',
      title: 'Survey complaint: lost lab results',
      description: 'My blood test results were lost and I had to repeat the test.',
      complainant: { name: 'Nasser Al-Shammari', phone: '0531234567', language: 'en' },
    });
    const ref = complaint.referenceNumber;
    for (const step of [{ to: 'ASSIGNED' }, { to: 'IN_PROGRESS' }, { to: 'RESOLVED', resolution: 'The lab found the sample and sent the results.' }, { to: 'CLOSED' }]) {
      await world.admin.ok('POST', `/api/v1/complaints/${ref}/transitions`, step);
    }
    const closing = await waitFor(() => [...gw.delivered.values()].find((d) => d.text.includes(ref) && d.text.includes('Complaint Closed')), 'the closure SMS', 60_000);
    surveyLink = /Rate our service: (\S+)/.exec(closing.text)?.[1] ?? '';
  });
  afterAll(async () => {
    await world?.dispose();
    await gw?.close();
  });

  it('is linked from the closure SMS and has no serious or critical accessibility violation, in Arabic and English', async () => {
    expect(surveyLink).toMatch(new RegExp(`/complaints/survey/${complaint.referenceNumber}/\\?s=[A-Za-z0-9_-]{22}$`));
    for (const url of [surveyLink, `${surveyLink}&lang=en`]) {
      const { tracking, context } = await TrackingPage.open(world.browser, url, { bypassCSP: true });
      try {
        const survey = new SurveyPage(tracking.page);
        expect(await survey.hasForm()).toBe(true);
        expect(await seriousViolations(tracking.page), url).toEqual([]);
        // The browser itself refuses the form without a score; past that, the server's error page is checked too.
        expect(await tracking.page.locator('form').evaluate((f) => (f as HTMLFormElement).checkValidity())).toBe(false);
        await tracking.page.evaluate(() => document.querySelectorAll('input[required]').forEach((i) => i.removeAttribute('required')));
        const refused = await survey.send();
        expect(refused?.status()).toBe(422);
        expect(await seriousViolations(tracking.page), `${url} with errors`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('is accepted once and refused the second time, and the answer lands on the timeline', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    // Two tabs open on the survey: the complainant answers in one, then tries again in the other.
    const first = await TrackingPage.open(world.browser, `${surveyLink}&lang=en`, { javaScriptEnabled: false });
    const second = await TrackingPage.open(world.browser, `${surveyLink}&lang=en`, { javaScriptEnabled: false });
    try {
      const a = new SurveyPage(first.tracking.page);
      await a.choose(4);
      await a.comment('The lab apologised and called me back the same day.');
      const accepted = await a.send();
      expect(accepted?.status()).toBe(200);
      expect(await a.message()).toContain('We received your rating');

      const b = new SurveyPage(second.tracking.page);
      expect(await b.hasForm()).toBe(true);
      await b.choose(1);
      const refused = await b.send();
      expect(refused?.status()).toBe(409);
      expect(await b.message()).toContain('You already rated this complaint, and only one rating is accepted');

      // Opening the link again says so too.
      await first.tracking.page.goto(`${surveyLink}&lang=en`);
      expect(await a.hasForm()).toBe(false);
      expect(await a.message()).toContain('You already rated this complaint');
    } finally {
      await first.context.close();
      await second.context.close();
    }

    const r = await world.admin.getComplaint(complaint.referenceNumber);
    const surveys = (r.body.events ?? []).filter((e) => e.type === 'survey_received');
    expect(surveys).toHaveLength(1);
    expect(surveys[0]?.data).toMatchObject({ score: 4, comment: 'The lab apologised and called me back the same day.' });

    // The tracking page says a rating arrived, in Arabic, right to left — not what it said.
    const { tracking, context } = await TrackingPage.open(world.browser, complaint.trackingUrl);
    try {
      expect(await tracking.direction()).toBe('rtl');
      const text = await tracking.text();
      expect(text).toContain('استلمنا تقييمك');
      expect(text).not.toContain('The lab apologised');
    } finally {
      await context.close();
    }
  });
});
