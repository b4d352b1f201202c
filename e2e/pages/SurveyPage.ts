import type { Page, Response } from 'playwright-core';

/** The satisfaction survey page: a 1–5 score, a comment, one answer. */
export class SurveyPage {
  constructor(readonly page: Page) {}

  async hasForm(): Promise<boolean> {
    return (await this.page.locator('input[name="score"]').count()) === 5;
  }

  /** Picks a score by its label, as a person taps it. */
  async choose(score: 1 | 2 | 3 | 4 | 5): Promise<void> {
    await this.page.locator(`label[for="score-${score}"]`).click();
  }

  async comment(text: string): Promise<void> {
    await this.page.locator('#comment').fill(text);
  }

  async send(): Promise<Response | null> {
    const [response] = await Promise.all([this.page.waitForNavigation(), this.page.locator('button[type="submit"]').click()]);
    return response;
  }

  /** The page's message (thanks, already answered, not open yet). */
  async message(): Promise<string> {
    return (await this.page.locator('[role="status"]').first().innerText()).trim();
  }
}
