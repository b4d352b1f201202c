import type { Locator, Page } from 'playwright-core';

/** One complaint: its fields, the status form and its timeline. */
export class DetailPage {
  constructor(readonly page: Page) {}

  async reference(): Promise<string> {
    return (await this.page.getByTestId('detail-reference').innerText()).trim();
  }

  /** The status as the workflow code (PENDING, ASSIGNED…): a data-status attribute if the
   *  renderer provides one, else the shown text. */
  async status(): Promise<string> {
    const el = this.page.getByTestId('detail-status');
    return (await el.getAttribute('data-status')) ?? (await el.innerText()).trim();
  }

  async priority(): Promise<string> {
    return this.page.getByTestId('detail-priority').inputValue();
  }

  /** The priority select saves at once. */
  async setPriority(value: string): Promise<void> {
    await this.page.getByTestId('detail-priority').selectOption(value);
  }

  async changeStatus(to: string, opts: { comment?: string; resolution?: string } = {}): Promise<void> {
    await this.page.getByTestId('status-select').selectOption(to);
    if (opts.comment !== undefined) await this.page.getByTestId('status-comment').fill(opts.comment);
    if (opts.resolution !== undefined) await this.page.getByTestId('status-resolution').fill(opts.resolution);
    await this.page.getByTestId('status-submit').click();
  }

  async statusError(): Promise<string | null> {
    const el = this.page.getByTestId('status-error');
    return (await el.count()) > 0 && (await el.isVisible()) ? (await el.innerText()).trim() : null;
  }

  timelineItems(type?: string): Locator {
    return type
      ? this.page.locator(`[data-testid="timeline-item"][data-type="${type}"]`)
      : this.page.getByTestId('timeline-item');
  }

  async waitForStatus(status: string, timeout = 60_000): Promise<void> {
    await this.page.waitForFunction(
      (s) => {
        const el = document.querySelector('[data-testid="detail-status"]');
        return (el?.getAttribute('data-status') ?? el?.textContent?.trim()) === s;
      },
      status,
      { timeout },
    );
  }

  async waitForPriority(priority: string, timeout = 60_000): Promise<void> {
    await this.page.waitForFunction(
      (p) => (document.querySelector('[data-testid="detail-priority"]') as HTMLSelectElement | null)?.value === p,
      priority,
      { timeout },
    );
  }
}
