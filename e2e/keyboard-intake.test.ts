import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from './harness/ports.ts';
import { startWorld, type LoggedInDesk, type World } from './harness/world.ts';
import { KeyboardIntake } from './pages/KeyboardIntake.ts';

/**
 * A phone complaint taken with the keyboard alone: Alt+N from the list, the form opens on the
 * caller's name, Tab follows the call, a refused save puts the cursor on the field to fix,
 * Ctrl+Enter saves; the next form starts with this desk's source and channel.
 */
describe('keyboard-first intake', () => {
  let world: World;
  let desk: LoggedInDesk;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('phone_desk', 'desk_agent', world.main.id);
    desk = await world.desk('phone', 'phone_desk');
    await desk.shell.waitOnline();
    // Reference numbers are leased online once; give the desk the moment to hold some.
    await desk.shell.waitPending(0);
    await desk.shell.gotoList();
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('takes two phone complaints without the mouse', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const k = new KeyboardIntake(desk.page);

    await k.press('Alt+KeyN');
    await k.waitFocused('intake-name');
    await k.type('نورة العتيبي');
    await k.tabTo('intake-phone');
    expect(await k.focusVisible()).toBe(true);
    await k.type('0551234567');
    await k.tabTo('intake-title');
    await k.type('انتظار طويل في العيادة');
    // Saved too early: the cursor goes to the first field to fix.
    await k.press('Control+Enter');
    await k.waitFocused('intake-description');
    await k.type('Waited three hours for the appointment; nobody called back.');
    await k.tabTo('intake-source');
    await k.press('ArrowDown');
    const source = await k.value('intake-source');
    expect(source).not.toBe('');
    await k.tabTo('intake-channel');
    while ((await k.value('intake-channel')) !== 'phone') await k.press('ArrowDown');
    await k.press('Control+Enter');

    const first = (await desk.page.getByTestId('intake-reference').innerText({ timeout: 30_000 })).trim();
    expect(first).toMatch(/^CMP-\d{4}-\d{6,}$/);
    // The next one is a key away, and starts with this desk's source and channel.
    await k.waitFocused('intake-another');
    await k.press('Alt+KeyN');
    await k.waitFocused('intake-name');
    expect(await k.value('intake-source')).toBe(source);
    expect(await k.value('intake-channel')).toBe('phone');
    await k.type('Khalid Al-Qahtani');
    await k.tabTo('intake-title');
    await k.type('Pharmacy closed during opening hours');
    await k.press('Tab');
    await k.type('The night pharmacy was closed at 22:00.');
    await k.press('Control+Enter');
    await desk.page.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-testid="intake-reference"]');
        return !!el && el.textContent?.trim() !== prev;
      },
      first,
      { timeout: 30_000 },
    );
    const second = (await desk.page.getByTestId('intake-reference').innerText()).trim();

    for (const [reference, name] of [
      [first, 'نورة العتيبي'],
      [second, 'Khalid Al-Qahtani'],
    ] as const) {
      const server = await waitFor(`${reference} on the server`, async () => {
        const r = await world.admin.getComplaint(reference);
        return r.status === 200 ? r.body : null;
      }, { timeoutMs: 60_000 });
      expect(server).toMatchObject({ channel: 'phone', sourceCode: source, complainant: { name } });
    }

    // Alt+L goes to the list with the cursor in its search box.
    await k.press('Alt+KeyL');
    await k.waitFocused('list-search');
  });
});
