import type { Locator, Page } from 'playwright-core';
import { DetailPage } from './DetailPage.ts';
import { ListPage } from './ListPage.ts';

/** The frame around every screen once logged in: navigation and the sync indicator. */
export class Shell {
  readonly indicator: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('sync-indicator');
  }

  async isOnline(): Promise<boolean> {
    return (await this.indicator.getAttribute('data-online')) === 'true';
  }

  async pending(): Promise<number> {
    const v = await this.indicator.getAttribute('data-pending');
    return v === null ? Number.NaN : Number(v);
  }

  async waitOnline(timeout = 60_000): Promise<void> {
    await this.page.waitForSelector('[data-testid="sync-indicator"][data-online="true"]', { timeout });
  }

  async waitOffline(timeout = 30_000): Promise<void> {
    await this.page.waitForSelector('[data-testid="sync-indicator"][data-online="false"]', { timeout });
  }

  /** Waits until the indicator shows exactly `n` writes not yet acknowledged by the server. */
  async waitPending(n: number, timeout = 60_000): Promise<void> {
    await this.page.waitForSelector(`[data-testid="sync-indicator"][data-pending="${n}"]`, { timeout });
  }

  async waitPendingAtLeast(n: number, timeout = 30_000): Promise<number> {
    const handle = await this.page.waitForFunction(
      (min) => {
        const el = document.querySelector('[data-testid="sync-indicator"]');
        const v = Number(el?.getAttribute('data-pending'));
        return Number.isFinite(v) && v >= min ? v : false;
      },
      n,
      { timeout },
    );
    return (await handle.jsonValue()) as number;
  }

  async gotoList(): Promise<void> {
    await this.page.getByTestId('nav-list').click();
    await this.page.getByTestId('list-search').waitFor();
  }

  /** A complaint's page, from the list once the complaint is on this desk. */
  async openComplaint(reference: string): Promise<DetailPage> {
    await this.gotoList();
    const list = new ListPage(this.page);
    await list.waitFor(reference);
    await list.open(reference);
    return new DetailPage(this.page);
  }

  /** A fresh intake form (from the "done" screen of the last intake too: that is the same route). */
  async gotoNew(): Promise<void> {
    if (new URL(this.page.url()).hash === '#/new') await this.gotoList();
    await this.page.getByTestId('nav-new').click();
    await this.page.getByTestId('intake-title').waitFor();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await this.page.getByTestId('login-username').waitFor();
  }
}
