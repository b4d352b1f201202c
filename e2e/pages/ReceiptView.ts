import type { Page } from 'playwright-core';

/**
 * The desk's receipt (preview over the page, printed alone) and the tracking-link actions of a
 * complaint's detail page (print, new link).
 */
export class ReceiptView {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('receipt-open').first().click();
    await this.page.getByTestId('receipt-sheet').waitFor();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('receipt-close').click();
    await this.page.getByTestId('receipt-sheet').waitFor({ state: 'detached' });
  }

  async reference(): Promise<string> {
    return (await this.page.getByTestId('receipt-reference').innerText()).trim();
  }

  async link(): Promise<string> {
    return (await this.page.getByTestId('receipt-link').innerText()).trim();
  }

  async sheetText(): Promise<string> {
    return this.page.getByTestId('receipt-sheet').innerText();
  }

  /** Width in pixels of the QR image as loaded (0 when it did not load). */
  async qrLoadedWidth(): Promise<number> {
    return this.page.getByTestId('receipt-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth);
  }

  /** What stays visible when printed: the receipt only. */
  async printedView(): Promise<{ sheet: boolean; shell: boolean; tools: boolean; page: boolean }> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      const visible = async (selector: string) => {
        const el = this.page.locator(selector).first();
        return (await el.count()) > 0 && (await el.isVisible());
      };
      return {
        sheet: await visible('[data-testid="receipt-sheet"]'),
        shell: await visible('[data-testid="sync-indicator"]'),
        tools: await visible('[data-testid="receipt-print"]'),
        page: await visible('#root'),
      };
    } finally {
      await this.page.emulateMedia({ media: 'screen' });
    }
  }

  /** Replaces the complaint's tracking link (asks, then confirms) and waits for the desk to say so. */
  async rotate(): Promise<void> {
    await this.page.getByTestId('tracking-rotate').click();
    await this.page.getByTestId('tracking-rotate-confirm').click();
    await this.page.getByTestId('tracking-rotated').waitFor({ timeout: 30_000 });
  }

  async detailLink(): Promise<string> {
    return (await this.page.getByTestId('tracking-link').getAttribute('href')) ?? '';
  }

  /** Waits until the detail page shows a tracking link other than `old`. */
  async waitForNewLink(old: string, timeout = 60_000): Promise<string> {
    const handle = await this.page.waitForFunction(
      (previous) => {
        const href = document.querySelector('[data-testid="tracking-link"]')?.getAttribute('href');
        return href && href !== previous ? href : false;
      },
      old,
      { timeout },
    );
    return (await handle.jsonValue()) as string;
  }
}
