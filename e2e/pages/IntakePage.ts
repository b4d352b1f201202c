import type { Locator, Page } from 'playwright-core';

export type IntakeInput = {
  source?: string;
  channel?: string;
  title: string;
  description: string;
  severity?: string;
  priority?: string;
  category?: string;
  department?: string;
  name: string;
  phone?: string;
  email?: string;
  language?: 'ar' | 'en';
  smsOptOut?: boolean;
};

/** The intake form: what a desk agent fills in while the complainant waits. */
export class IntakePage {
  constructor(readonly page: Page) {}

  private field(name: string): Locator {
    return this.page.getByTestId(`intake-${name}`);
  }

  /** Fills a field whether the renderer made it a select or a text input. */
  private async set(name: string, value: string): Promise<void> {
    const el = this.field(name);
    const tag = await el.evaluate((e) => e.tagName.toLowerCase());
    if (tag === 'select') await el.selectOption(value);
    else await el.fill(value);
  }

  async fill(input: IntakeInput): Promise<void> {
    await this.field('title').waitFor();
    if (input.source !== undefined) await this.set('source', input.source);
    if (input.channel !== undefined) await this.set('channel', input.channel);
    await this.set('title', input.title);
    await this.set('description', input.description);
    if (input.severity !== undefined) await this.set('severity', input.severity);
    if (input.priority !== undefined) await this.set('priority', input.priority);
    if (input.category !== undefined) await this.set('category', input.category);
    if (input.department !== undefined) await this.set('department', input.department);
    await this.set('name', input.name);
    if (input.phone !== undefined) await this.set('phone', input.phone);
    if (input.email !== undefined) await this.set('email', input.email);
    if (input.language !== undefined) await this.set('language', input.language);
    if (input.smsOptOut !== undefined) await this.field('sms-optout').setChecked(input.smsOptOut);
  }

  /** Submits and returns the reference number shown to the complainant. */
  async submit(): Promise<string> {
    await this.field('submit').click();
    const ref = this.page.getByTestId('intake-reference');
    await ref.waitFor({ timeout: 30_000 });
    return (await ref.innerText()).trim();
  }

  async take(input: IntakeInput): Promise<string> {
    await this.fill(input);
    return this.submit();
  }

  async trackingLink(): Promise<string | null> {
    const link = this.page.getByTestId('intake-tracking-link');
    await link.waitFor();
    return (await link.getAttribute('href')) ?? (await link.innerText()).trim();
  }

  async errorFor(field: string): Promise<string | null> {
    const el = this.page.getByTestId(`error-${field}`);
    return (await el.count()) > 0 ? (await el.first().innerText()).trim() : null;
  }
}
