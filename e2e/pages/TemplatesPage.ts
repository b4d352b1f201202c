import type { Locator, Page } from 'playwright-core';

/** The message templates screen (admins, PX admins, hospital admins) and its editor. */
export class TemplatesPage {
  constructor(readonly page: Page) {}

  navLink(): Locator {
    return this.page.getByTestId('nav-templates');
  }

  async open(): Promise<void> {
    await this.navLink().click();
    await this.page.getByTestId('templates-page').waitFor();
    await this.page.getByTestId('template-row').first().waitFor();
  }

  row(template: string, language: 'ar' | 'en'): Locator {
    return this.page.locator(`[data-testid="template-row"][data-template="${template}"][data-language="${language}"]`);
  }

  async edit(template: string, language: 'ar' | 'en'): Promise<void> {
    await this.row(template, language).getByTestId('template-edit').click();
    await this.page.locator(`[data-testid="template-editor"][data-template="${template}"][data-language="${language}"]`).waitFor();
  }

  body(): Locator {
    return this.page.getByTestId('template-body');
  }

  async setBody(text: string): Promise<void> {
    await this.body().fill(text);
  }

  async preview(): Promise<string> {
    return this.page.getByTestId('template-preview').innerText();
  }

  /** The SMS count as shown: encoding, segments and characters (from the element's data). */
  async count(): Promise<{ encoding: string; segments: number; characters: number; text: string }> {
    const el = this.page.getByTestId('template-count');
    return {
      encoding: (await el.getAttribute('data-encoding')) ?? '',
      segments: Number(await el.getAttribute('data-segments')),
      characters: Number(await el.getAttribute('data-characters')),
      text: await el.innerText(),
    };
  }

  bodyError(): Locator {
    return this.page.getByTestId('template-error-body');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('template-save').click();
  }

  saved(): Locator {
    return this.page.getByTestId('template-saved');
  }

  saveError(): Locator {
    return this.page.getByTestId('template-save-error');
  }
}
