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

  /** Picks a scope in the scope menu ('g' is the whole group) and waits for its figures. */
  async chooseScope(value: string, kind: 'group' | 'hospital' | 'department', timeout = 60_000): Promise<void> {
    await this.page.getByTestId('stats-scope').selectOption(value);
    await this.page.waitForSelector(`[data-testid="stats"][data-scope="${kind}"][data-state="ready"]`, { timeout });
  }

  /** The scopes the menu offers, by value; empty when there is no choice to make. */
  async scopeValues(): Promise<string[]> {
    return this.page.getByTestId('stats-scope').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  }

  /** What the whole group's note says about where its figures come from: fresh, offline, stale, … */
  async groupNote(): Promise<{ note: string | null; asOf: number | null }> {
    const note = this.page.getByTestId('stats-group-note');
    const asOf = await note.getAttribute('data-as-of');
    return { note: await note.getAttribute('data-note'), asOf: asOf === null ? null : Number(asOf) };
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
