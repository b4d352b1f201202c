import type { Locator, Page } from 'playwright-core';

/** The kinds of row on the administration screen, by the middle of their test ids. */
export type AdminSection = 'hospital' | 'department' | 'staff' | 'category' | 'source';
export type AdminValues = Record<string, string | boolean | string[]>;

/**
 * The administration screen (admins, PX admins, hospital admins): lists of what replication
 * holds, and forms that save through the server's admin API.
 */
export class AdminPage {
  constructor(readonly page: Page) {}

  navLink(): Locator {
    return this.page.getByTestId('nav-admin');
  }

  async open(): Promise<void> {
    await this.navLink().click();
    await this.page.getByTestId('admin').waitFor();
  }

  /** Goes to the screen by its address, as someone without the link could. */
  async openByAddress(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/admin';
    });
  }

  forbidden(): Locator {
    return this.page.getByTestId('admin-forbidden');
  }

  form(s: AdminSection): Locator {
    return this.page.getByTestId(`admin-${s}-form`);
  }

  rows(s: AdminSection): Locator {
    return this.page.getByTestId(`admin-${s}-row`);
  }

  /** The row whose code (or username, for staff) is `key`. */
  row(s: AdminSection, key: string): Locator {
    return this.page.locator(`[data-testid="admin-${s}-row"][data-key="${key}"]`);
  }

  async startNew(s: AdminSection): Promise<void> {
    await this.page.getByTestId(`admin-${s}-new`).click();
    await this.form(s).waitFor();
  }

  /** Sets each control: a checkbox from a boolean, a (multi-)select or a text box from strings. */
  async fill(s: AdminSection, values: AdminValues): Promise<void> {
    const form = this.form(s);
    for (const [name, value] of Object.entries(values)) {
      const el = form.getByTestId(`admin-${s}-${name}`);
      if (typeof value === 'boolean') {
        await el.setChecked(value);
        continue;
      }
      const tag = await el.evaluate((e) => e.tagName.toLowerCase());
      if (tag === 'select') await el.selectOption(value);
      else await el.fill(Array.isArray(value) ? value.join('') : value);
    }
  }

  async save(s: AdminSection): Promise<void> {
    await this.form(s).getByTestId(`admin-${s}-save`).click();
  }

  /** The translated problem shown under a field of the open form, or null. */
  async fieldError(s: AdminSection, field: string): Promise<string | null> {
    const el = this.form(s).getByTestId(`admin-error-${field}`);
    return (await el.count()) > 0 ? (await el.innerText()).trim() : null;
  }

  /** Waits until the form closed on a created row (the server took it). */
  async waitCreated(s: AdminSection): Promise<void> {
    await this.page.getByTestId(`admin-${s}-created`).waitFor({ timeout: 30_000 });
  }

  /** The open complaints assigned to a member of staff, as the staff list shows them. */
  async openLoad(username: string): Promise<number> {
    return Number(await this.row('staff', username).getByTestId('admin-staff-load').innerText());
  }

  autoAssign(): Locator {
    return this.page.getByTestId('admin-auto-assign');
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('lang-toggle').click();
  }
}
