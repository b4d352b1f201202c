import type { Locator, Page } from 'playwright-core';

/** The shell's notification bell: unread count and the list of the signed-in user's notifications. */
export class InboxBell {
  constructor(readonly page: Page) {}

  bell(): Locator {
    return this.page.getByTestId('inbox-bell');
  }

  async unread(): Promise<number> {
    return Number(await this.bell().getAttribute('data-unread'));
  }

  async waitUnread(n: number, timeout = 60_000): Promise<void> {
    await this.page.waitForSelector(`[data-testid="inbox-bell"][data-unread="${n}"]`, { timeout });
  }

  async openList(): Promise<void> {
    if ((await this.page.getByTestId('inbox-list').count()) === 0) await this.bell().click();
    await this.page.getByTestId('inbox-list').waitFor();
  }

  items(): Locator {
    return this.page.getByTestId('inbox-item');
  }

  item(complaintId: string): Locator {
    return this.page.locator(`[data-testid="inbox-item"][data-complaint-id="${complaintId}"]`);
  }
}
