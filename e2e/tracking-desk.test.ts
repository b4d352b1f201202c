import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorld, type World } from './harness/world.ts';
import { IntakePage } from './pages/IntakePage.ts';
import { ReceiptView } from './pages/ReceiptView.ts';
import { TrackingPage } from './pages/TrackingPage.ts';

/**
 * The desk's side of the tracking link: the bilingual receipt with its QR code (printed alone,
 * from the intake "done" screen and from the complaint), and replacing a complaint's link — after
 * which the old link shows nothing, the new one works, and the desk shows the new one.
 */
describe('tracking link on the desk: receipt and new link', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('desk_r', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  async function trackingText(url: string): Promise<string> {
    const { tracking, context } = await TrackingPage.open(world.browser, `${url}&lang=en`);
    try {
      return await tracking.text();
    } finally {
      await context.close();
    }
  }

  it('prints a bilingual receipt with the reference, the link and its QR code at intake, and again from the complaint after a new link', async ({ onTestFailed }) => {
    const desk = await world.desk('R', 'desk_r');
    onTestFailed(() => console.log(world.diagnostics()));
    await desk.shell.waitOnline();
    await desk.shell.gotoNew();
    const intake = new IntakePage(desk.page);
    const reference = await intake.take({
      source: 'PATIENT',
      title: 'Receipt complaint about the parking fee',
      description: 'The parking machine charged me twice.',
      name: 'Abdullah Al-Mutairi',
      phone: '0507778888',
      language: 'ar',
    });
    const link = (await intake.trackingLink()) ?? '';

    const receipt = new ReceiptView(desk.page);
    await receipt.open();
    expect(await receipt.reference()).toBe(reference);
    expect(await receipt.link()).toBe(link);
    expect(await receipt.qrLoadedWidth()).toBeGreaterThan(0);
    const sheet = await receipt.sheetText();
    expect(sheet).toContain('إيصال شكوى');
    expect(sheet).toContain('Complaint receipt');
    expect(sheet).not.toContain('Abdullah');
    expect(sheet).not.toContain('parking machine');
    // On paper, the receipt alone.
    expect(await receipt.printedView()).toEqual({ sheet: true, shell: false, tools: false, page: false });
    await receipt.close();
    await desk.shell.waitPending(0);

    // The link on the receipt opens the complaint's page once synced.
    expect(await trackingText(link)).toContain(reference);

    // A new link, from the complaint.
    const detail = await desk.shell.openComplaint(reference);
    expect(await detail.reference()).toBe(reference);
    const old = await receipt.detailLink();
    expect(old).toBe(link);
    await receipt.rotate();
    const fresh = await receipt.waitForNewLink(old);
    expect(new URL(fresh).pathname).toBe(new URL(old).pathname);

    // The old link shows nothing — the same as a reference that does not exist — the new one works.
    const oldText = await trackingText(old);
    expect(oldText).not.toContain(reference);
    expect(oldText).toBe(await trackingText(`${world.server.url}/complaints/track/CMP-2020-000001/?s=${new URL(old).searchParams.get('s')}`));
    expect(await trackingText(fresh)).toContain(reference);

    // The receipt printed now carries the new link.
    await receipt.open();
    expect(await receipt.link()).toBe(fresh);
    await receipt.close();

    // And the timeline says the link changed, without either secret.
    const item = detail.timelineItems('field_changed');
    await item.first().waitFor({ timeout: 60_000 });
    const said = await item.first().innerText();
    expect(said).not.toContain(new URL(old).searchParams.get('s') ?? '-');
    expect(said).not.toContain(new URL(fresh).searchParams.get('s') ?? '-');
  });
});
