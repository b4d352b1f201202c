import type { Locator, Page } from 'playwright-core';

/** The staff explanation requests of the complaint open on the detail page: the list and the request form. */
export class ExplanationsPanel {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('explanations-panel');
  }

  form(): Locator {
    return this.panel.getByTestId('explanation-form');
  }

  offlineNotice(): Locator {
    return this.panel.getByTestId('explanation-offline');
  }

  submitButton(): Locator {
    return this.panel.getByTestId('explanation-submit');
  }

  fieldError(name: 'staffId' | 'message'): Locator {
    return this.panel.getByTestId(`error-explanation-${name}`);
  }

  /** Fills the form (staff member by the name shown; '' leaves it unchosen) and sends it. */
  async request(staffName: string, message = ''): Promise<void> {
    if (staffName) await this.panel.getByTestId('explanation-staff').selectOption({ label: staffName });
    await this.panel.getByTestId('explanation-message').fill(message);
    await this.submitButton().click();
  }

  /** The one-time link the server answered with, once the request went through. */
  async createdLink(timeout = 30_000): Promise<string> {
    const link = this.panel.getByTestId('explanation-link');
    await link.waitFor({ timeout });
    return (await link.getAttribute('href')) ?? '';
  }

  rows(): Locator {
    return this.panel.getByTestId('explanation-row');
  }

  /** Waits until the request made of `staffId` shows in `state` (pending, overdue, received, expired). */
  async waitForState(staffId: string, state: string, timeout = 60_000): Promise<Locator> {
    const row = this.panel.locator(`[data-testid="explanation-row"][data-staff="${staffId}"][data-state="${state}"]`);
    await row.waitFor({ timeout });
    return row;
  }
}
