import type { Page } from 'playwright-core';

/** The complaint list of the desk's local database. */
export class ListPage {
  constructor(readonly page: Page) {}

  async references(): Promise<string[]> {
    return this.page
      .getByTestId('complaint-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference') ?? ''));
  }

  row(reference: string) {
    return this.page.locator(`[data-testid="complaint-row"][data-reference="${reference}"]`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('list-search').fill(text);
  }

  async waitFor(reference: string, timeout = 60_000): Promise<void> {
    await this.row(reference).first().waitFor({ timeout });
  }

  async open(reference: string): Promise<void> {
    await this.row(reference).first().click();
    await this.page.getByTestId('detail-reference').waitFor();
  }
}
