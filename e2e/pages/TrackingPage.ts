import type { Browser, BrowserContext, Page, Response } from 'playwright-core';

/**
 * The complainant's public pages as a phone shows them: the tracking page, its verification form
 * (tracking code or phone number) and the one-time-code step. Plain HTML forms: submitting one is
 * a navigation, so each action waits for the page it leads to.
 */
export class TrackingPage {
  constructor(readonly page: Page) {}

  /** A new phone-sized context (its own cookies, none used) with the page opened at `url`. */
  static async open(
    browser: Browser,
    url: string,
    opts: { javaScriptEnabled?: boolean; bypassCSP?: boolean; locale?: string } = {},
  ): Promise<{ tracking: TrackingPage; context: BrowserContext; response: Response | null }> {
    const context = await browser.newContext({
      locale: opts.locale ?? 'ar-SA',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      javaScriptEnabled: opts.javaScriptEnabled ?? true,
      bypassCSP: opts.bypassCSP ?? false,
    });
    const page = await context.newPage();
    const response = await page.goto(url);
    return { tracking: new TrackingPage(page), context, response };
  }

  async text(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  /** The status code the page shows (data-status), or null on a page without one. */
  async status(): Promise<string | null> {
    const el = this.page.locator('.status');
    return (await el.count()) > 0 ? el.getAttribute('data-status') : null;
  }

  /** The writing direction the browser computed for the page's content. */
  async direction(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.querySelector('main') ?? document.body).direction);
  }

  async timeline(): Promise<string[]> {
    return this.page.locator('ol li').allInnerTexts();
  }

  async hasVerificationForm(): Promise<boolean> {
    return (await this.page.locator('input[name="s"]').count()) > 0 && (await this.page.locator('input[name="phone"]').count()) > 0;
  }

  private async submit(field: string, value: string): Promise<Response | null> {
    await this.page.locator(`#${field}`).fill(value);
    const [response] = await Promise.all([this.page.waitForNavigation(), this.page.locator(`#${field}`).press('Enter')]);
    return response;
  }

  enterSecret(secret: string): Promise<Response | null> {
    return this.submit('s', secret);
  }

  askCode(phone: string): Promise<Response | null> {
    return this.submit('phone', phone);
  }

  enterCode(code: string): Promise<Response | null> {
    return this.submit('code', code);
  }

  /** The error the page announces (role=alert), or null. */
  async error(): Promise<string | null> {
    const el = this.page.locator('[role="alert"]');
    return (await el.count()) > 0 ? (await el.first().innerText()).trim() : null;
  }

  async switchLanguage(): Promise<void> {
    await Promise.all([this.page.waitForNavigation(), this.page.locator('a.lang').click()]);
  }
}
