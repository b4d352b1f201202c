import type { Locator, Page } from 'playwright-core';

export type BulkKind = 'assign' | 'status' | 'priority' | 'close';
type FilterName = 'status' | 'priority' | 'severity' | 'source' | 'department' | 'assignee';

/**
 * The complaint list with its filters, views, selection and bulk actions (the simple ListPage
 * page object covers finding and opening a row). Every change of the list is awaited through
 * the list's answered-query counter, so a read after a change sees the new rows.
 */
export class ComplaintList {
  constructor(readonly page: Page) {}

  private get root(): Locator {
    return this.page.getByTestId('list-page');
  }

  async seq(): Promise<number> {
    return Number((await this.root.getAttribute('data-query-seq')) ?? '0');
  }

  /** Runs a change and waits until the list has answered the query it made. */
  async changing(change: () => Promise<void>): Promise<void> {
    await this.root.waitFor();
    const before = await this.seq();
    await change();
    await this.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="list-page"]')?.getAttribute('data-query-seq') ?? '0') > n,
      before,
      { timeout: 30_000 },
    );
  }

  async references(): Promise<string[]> {
    return this.page.getByTestId('complaint-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference') ?? ''));
  }

  /** The references shown, waiting (up to `timeout`) until they equal `expected` as a set. */
  async waitForReferences(expected: string[], timeout = 30_000): Promise<string[]> {
    const want = [...expected].sort().join('|');
    await this.page
      .waitForFunction(
        (w) =>
          [...document.querySelectorAll('[data-testid="complaint-row"]')]
            .map((r) => r.getAttribute('data-reference') ?? '')
            .sort()
            .join('|') === w,
        want,
        { timeout },
      )
      .catch(() => undefined);
    return this.references();
  }

  async filter(name: FilterName, value: string): Promise<void> {
    await this.changing(() => this.page.getByTestId(`list-${name}-filter`).selectOption(value).then(() => undefined));
  }

  async overdueOnly(on: boolean): Promise<void> {
    await this.changing(() => this.page.getByTestId('list-overdue-filter').setChecked(on));
  }

  async search(text: string): Promise<void> {
    await this.changing(() => this.page.getByTestId('list-search').fill(text));
  }

  async sort(by: 'due' | 'newest' | 'priority'): Promise<void> {
    await this.changing(() => this.page.getByTestId('list-sort').selectOption(by).then(() => undefined));
  }

  async builtInView(view: 'all_open' | 'my_open' | 'overdue_department'): Promise<void> {
    await this.changing(() => this.page.getByTestId(`view-${view}`).click());
  }

  async saveView(name: string): Promise<void> {
    await this.page.getByTestId('view-save').click();
    await this.page.getByTestId('view-name').fill(name);
    await this.page.getByTestId('view-save-confirm').click();
    await this.page.locator(`[data-testid="saved-view"][data-name="${name}"]`).waitFor();
  }

  async openSavedView(name: string): Promise<void> {
    await this.changing(() => this.page.locator(`[data-testid="saved-view"][data-name="${name}"]`).click());
  }

  async select(reference: string): Promise<void> {
    await this.page.locator(`[data-testid="complaint-row"][data-reference="${reference}"] [data-testid="row-select"]`).check();
  }

  async bulk(kind: BulkKind, opts: { assignee?: string; status?: string; priority?: string; comment?: string; resolution?: string } = {}): Promise<void> {
    const p = this.page;
    await p.getByTestId('bulk-action').selectOption(kind);
    if (opts.assignee !== undefined) await p.getByTestId('bulk-assignee').selectOption(opts.assignee);
    if (opts.status !== undefined) await p.getByTestId('bulk-status').selectOption(opts.status);
    if (opts.priority !== undefined) await p.getByTestId('bulk-priority').selectOption(opts.priority);
    if (opts.resolution !== undefined) await p.getByTestId('bulk-resolution').fill(opts.resolution);
    if (opts.comment !== undefined) await p.getByTestId('bulk-comment').fill(opts.comment);
    await p.getByTestId('bulk-apply').click();
    await p.getByTestId('bulk-results').waitFor({ timeout: 30_000 });
  }

  /** The rows a bulk action refused: reference, error code and the message shown. */
  async bulkRefusals(): Promise<{ reference: string; error: string; text: string }[]> {
    return this.page.getByTestId('bulk-result').evaluateAll((items) =>
      items.map((i) => ({
        reference: i.getAttribute('data-reference') ?? '',
        error: i.getAttribute('data-error') ?? '',
        text: (i.textContent ?? '').trim(),
      })),
    );
  }

  async summary(): Promise<string> {
    return (await this.page.getByTestId('bulk-results').locator('p').first().innerText()).trim();
  }
}
