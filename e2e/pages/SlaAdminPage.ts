import type { Locator, Page } from 'playwright-core';

/** The three kinds of SLA settings, by the prefix of their test ids. */
export type SlaSection = 'sla-config' | 'sla-rule' | 'sla-calendar';
export type FormValues = Record<string, string | boolean>;

/**
 * The SLA settings screen (admins, PX admins, hospital admins): lists of what replication holds,
 * and forms that save through the server's API.
 */
export class SlaAdminPage {
  constructor(readonly page: Page) {}

  navLink(): Locator {
    return this.page.getByTestId('nav-sla-admin');
  }

  async open(): Promise<void> {
    await this.navLink().click();
    await this.page.getByTestId('sla-admin').waitFor();
  }

  /** Goes to the screen by its address, as someone without the link could. */
  async openByAddress(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/sla-admin';
    });
  }

  forbidden(): Locator {
    return this.page.getByTestId('sla-admin-forbidden');
  }

  section(s: SlaSection): Locator {
    return this.page.getByTestId(`${s}s`);
  }

  form(s: SlaSection): Locator {
    return this.page.getByTestId(`${s}-form`);
  }

  rows(s: SlaSection): Locator {
    return this.page.getByTestId(`${s}-row`);
  }

  async startNew(s: SlaSection): Promise<void> {
    await this.page.getByTestId(`${s}-new`).click();
    await this.form(s).waitFor();
  }

  /** Sets each control of the open form: a checkbox from a boolean, a select or a text box from a string. */
  async fill(s: SlaSection, values: FormValues): Promise<void> {
    const form = this.form(s);
    for (const [name, value] of Object.entries(values)) {
      const el = form.getByTestId(`${s}-${name}`);
      if (typeof value === 'boolean') {
        await el.setChecked(value);
        continue;
      }
      const tag = await el.evaluate((e) => e.tagName.toLowerCase());
      if (tag === 'select') await el.selectOption(value);
      else await el.fill(value);
    }
  }

  async save(s: SlaSection): Promise<void> {
    await this.form(s).getByTestId(`${s}-save`).click();
  }

  /** Fills a new document's form and saves it; waits until the form closes (the server took it). */
  async create(s: SlaSection, values: FormValues): Promise<void> {
    await this.startNew(s);
    await this.fill(s, values);
    await this.save(s);
    await this.page.getByTestId(`${s}-created`).waitFor({ timeout: 30_000 });
  }

  /** The translated problem shown under a field of the open form, or null. */
  async fieldError(s: SlaSection, path: string): Promise<string | null> {
    const el = this.form(s).getByTestId(`sla-error-${path}`);
    return (await el.count()) > 0 ? (await el.innerText()).trim() : null;
  }

  async waitForRow(s: SlaSection, text: string, timeout = 60_000): Promise<Locator> {
    const row = this.rows(s).filter({ hasText: text });
    await row.first().waitFor({ timeout });
    return row.first();
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('lang-toggle').click();
  }
}
