import type { Page } from 'playwright-core';

/**
 * Taking a complaint with the keyboard alone: every step is a key press, and the page object
 * reads back only where the focus is (never clicks).
 */
export class KeyboardIntake {
  constructor(readonly page: Page) {}

  /** The test id of the focused element ('' when none). */
  focused(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
  }

  /** Whether the focused element draws a visible focus ring. */
  focusVisible(): Promise<boolean> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      const style = getComputedStyle(el);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    });
  }

  async waitFocused(testId: string, timeout = 15_000): Promise<void> {
    await this.page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, { timeout });
  }

  /** Presses Tab until `testId` has the focus (at most `max` presses); returns how many it took. */
  async tabTo(testId: string, max = 12): Promise<number> {
    for (let i = 1; i <= max; i++) {
      await this.page.keyboard.press('Tab');
      if ((await this.focused()) === testId) return i;
    }
    throw new Error(`${testId} not reached with ${max} Tab presses (focus on ${await this.focused()})`);
  }

  type(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  value(testId: string): Promise<string> {
    return this.page.getByTestId(testId).inputValue();
  }
}
