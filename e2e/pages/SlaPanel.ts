import type { Locator, Page } from 'playwright-core';

/** One row of a complaint's SLA panel, as its data attributes say (times are epoch ms). */
export type SlaActionRow = {
  kind: string;
  level: number;
  /** The time projected on the desk. */
  at: number;
  state: string;
  display: string;
  /** The server's sla_* event for it is on the timeline. */
  confirmed: boolean;
  /** When the server recorded it, null until then. */
  firedAt: number | null;
  target: string;
  text: string;
};

/** The SLA panel on a complaint's detail page: projected times beside what the server confirmed. */
export class SlaPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('sla-panel');
  }

  async actions(): Promise<SlaActionRow[]> {
    await this.root.waitFor();
    return this.root.getByTestId('sla-action').evaluateAll((rows) =>
      rows.map((r) => {
        const a = (name: string) => r.getAttribute(`data-${name}`) ?? '';
        return {
          kind: a('kind'),
          level: Number(a('level')),
          at: Number(a('at')),
          state: a('state'),
          display: a('display'),
          confirmed: a('confirmed') === 'true',
          firedAt: a('fired-at') === '' ? null : Number(a('fired-at')),
          target: a('target'),
          text: (r.textContent ?? '').trim(),
        };
      }),
    );
  }

  async action(kind: string, level: number): Promise<SlaActionRow> {
    const row = (await this.actions()).find((r) => r.kind === kind && r.level === level);
    if (!row) throw new Error(`no ${kind} level ${level} in the SLA panel`);
    return row;
  }

  /** Waits until the row shows the server's confirmation (it arrives through replication). */
  async waitConfirmed(kind: string, level: number, timeout = 60_000): Promise<SlaActionRow> {
    await this.root
      .locator(`[data-testid="sla-action"][data-kind="${kind}"][data-level="${level}"][data-confirmed="true"]`)
      .waitFor({ timeout });
    return this.action(kind, level);
  }

  /** Where the SLA hours come from (config, severity_default, fallback) and how many; read in one go. */
  async basis(): Promise<{ kind: string; hours: number }> {
    return this.root
      .getByTestId('sla-basis')
      .evaluate((el) => ({ kind: el.getAttribute('data-kind') ?? '', hours: Number(el.getAttribute('data-hours')) }));
  }
}
