import type { Locator, Page } from 'playwright-core';

/** The attachments card of a complaint's detail page. */
export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

export class AttachmentsPanel {
  constructor(readonly page: Page) {}

  private get root(): Locator {
    return this.page.getByTestId('attachments-panel');
  }

  /** As the file picker would: one or more files at once. */
  async add(...files: FilePayload[]): Promise<void> {
    await this.root.getByTestId('attachments-input').setInputFiles(files);
  }

  items(): Locator {
    return this.root.getByTestId('attachment-item');
  }

  item(name: string): Locator {
    return this.items().filter({ hasText: name });
  }

  /** pending / uploaded / rejected for a file added on this desk, remote for another desk's. */
  async state(name: string): Promise<string | null> {
    return this.item(name).getAttribute('data-state');
  }

  async waitForState(name: string, state: string, timeout = 60_000): Promise<void> {
    await this.item(name).and(this.page.locator(`[data-state="${state}"]`)).waitFor({ timeout });
  }

  /** The field's error messages, each with its code (too_big, wrong_type…). */
  async errors(): Promise<Array<{ code: string | null; text: string }>> {
    const all = await this.root.getByTestId('attachments-error').all();
    return Promise.all(all.map(async (e) => ({ code: await e.getAttribute('data-error'), text: (await e.innerText()).trim() })));
  }

  async view(name: string): Promise<void> {
    await this.item(name).getByTestId('attachment-view').click();
  }

  /** The natural width of the image shown in the viewer once it has decoded (0 if it cannot). */
  async shownImageWidth(name: string, timeout = 30_000): Promise<number> {
    const img = this.item(name).getByTestId('attachment-image');
    await img.waitFor({ timeout });
    await this.page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle(), { timeout });
    return img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
  }
}
