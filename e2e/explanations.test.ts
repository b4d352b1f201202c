import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ar from '../renderer/i18n/ar.json';
import en from '../renderer/i18n/en.json';
import { DetailPage } from './pages/DetailPage.ts';
import { ExplanationsPanel } from './pages/ExplanationsPanel.ts';
import { startWorld, type LoggedInDesk, type World } from './harness/world.ts';

/**
 * Staff explanation requests from the desk: a PX admin asks a named staff member from the
 * complaint's page (online only), the staff member answers through the one-time link the desk
 * showed, and after sync the answer is on the complaint's timeline on the desk. A desk agent sees
 * the request but cannot make one.
 */
describe('explanation requests from the desk', () => {
  let world: World;
  let nurse: { id: string; username: string };

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('px_e2e', 'px_admin', world.main.id);
    await world.addUser('agent_e2e', 'desk_agent', world.main.id);
    nurse = await world.addUser('nurse_e2e', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  /** The desk may show Arabic (its default) or English: the English text of what it shows. */
  function inEitherLanguage(shown: string): string {
    const arabic = new Map<string, string>([
      [ar.explanations.offline, en.explanations.offline],
      [ar.explanations.fieldError.required, en.explanations.fieldError.required],
    ]);
    return arabic.get(shown.trim()) ?? shown.trim();
  }

  async function openOn(desk: LoggedInDesk, reference: string): Promise<void> {
    await desk.shell.waitOnline();
    await desk.shell.openComplaint(reference);
  }

  it('a PX admin requests an explanation, the staff member answers at the link, the answer reaches the desk', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const complaint = await world.admin.createComplaint({
      hospitalId: world.main.id,
      sourceCode: 'PATIENT',
      title: 'Nurse refused to call the doctor at night',
      description: 'My mother waited until morning; the nurse on the ward said the doctor was busy.',
      severity: 'high',
      complainant: { name: 'Reem Al-Shehri', language: 'en' },
    });
    const px = await world.desk('PX', 'px_e2e');
    await openOn(px, complaint.referenceNumber);
    const panel = new ExplanationsPanel(px.page);
    await panel.form().waitFor();
    expect(await panel.rows().count()).toBe(0);

    // Offline: the desk says plainly that this needs the server, and does not send.
    await px.setOffline(true);
    await px.shell.waitOffline();
    await panel.offlineNotice().waitFor();
    expect(inEitherLanguage(await panel.offlineNotice().innerText())).toBe(en.explanations.offline);
    expect(await panel.submitButton().isDisabled()).toBe(true);
    await px.setOffline(false);
    await px.shell.waitOnline();
    await panel.offlineNotice().waitFor({ state: 'detached' });

    // No staff member chosen: a translated field error, nothing sent.
    await panel.request('', 'Please explain what happened that night.');
    await panel.fieldError('staffId').waitFor();
    expect(inEitherLanguage(await panel.fieldError('staffId').innerText())).toBe(en.explanations.fieldError.required);

    await panel.request('nurse_e2e (e2e)', 'Please explain what happened that night.');
    const link = await panel.createdLink();
    expect(link.startsWith(`${world.server.url}/explanations/`)).toBe(true);
    await panel.waitForState(nurse.id, 'pending');

    // The staff member opens the link (no login) and answers.
    const answer = 'The doctor on call was in theatre; I paged him twice and noted both pages in the chart.';
    const context = await world.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      const opened = await page.goto(`${link}?lang=en`);
      expect(opened?.status()).toBe(200);
      await page.locator('#answer').fill(answer);
      const [posted] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('button[type="submit"]').click(),
      ]);
      expect(posted.status()).toBe(200);
      // One use only.
      expect((await page.goto(`${link}?lang=en`))?.status()).toBe(410);
    } finally {
      await context.close();
    }

    // After sync the desk shows the answer on the timeline and the request as answered.
    const detail = new DetailPage(px.page);
    const item = detail.timelineItems('explanation_received');
    await item.first().waitFor({ timeout: 60_000 });
    expect(await item.first().innerText()).toContain(answer);
    await panel.waitForState(nurse.id, 'received');

    // A desk agent sees the request and its answer but is not offered the request form.
    const agent = await world.desk('Agent', 'agent_e2e');
    await openOn(agent, complaint.referenceNumber);
    const agentPanel = new ExplanationsPanel(agent.page);
    await agentPanel.waitForState(nurse.id, 'received');
    expect(await agentPanel.form().count()).toBe(0);
    expect(await new DetailPage(agent.page).timelineItems('explanation_received').first().innerText()).toContain(answer);
  });
});
