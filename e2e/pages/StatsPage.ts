import type { Download, Locator, Page } from 'playwright-core';

/** The statistics dashboard: computed from the desk's local data, one table per figure with its CSV export. */
export class StatsPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('stats');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-stats').click();
    await this.waitReady();
  }

  async waitReady(timeout = 60_000): Promise<void> {
    await this.page.waitForSelector('[data-testid="stats"][data-state="ready"]', { timeout });
  }

  /** How many complaints the dashboard was computed from. */
  async total(): Promise<number> {
    return Number(await this.root.getAttribute('data-complaints'));
  }

  /** A table's body rows as text cells. */
  async rows(table: string): Promise<string[][]> {
    return this.page
      .getByTestId(`stats-table-${table}`)
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => (cell.textContent ?? '').trim())));
  }

  /** Clicks a table's CSV export and returns the download. */
  async exportCsv(table: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`stats-export-${table}`).click()]);
    return download;
  }
}
