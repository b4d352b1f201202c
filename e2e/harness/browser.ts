import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './env.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export type Desk = {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, to explain a failure. */
  logs: string[];
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
};

/**
 * One desk workstation: its own browser context, hence its own IndexedDB and local storage.
 * The desk is opened the way the e2e contract says: `index.html?server=<api>`.
 */
export async function openDesk(
  browser: Browser,
  staticUrl: string,
  serverUrl: string,
  name: string,
  extraQuery = '',
): Promise<Desk> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') logs.push(`[${name} console.${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => logs.push(`[${name} pageerror] ${e.message}`));
  const url = `${staticUrl}/index.html?server=${encodeURIComponent(serverUrl)}${extraQuery}`;
  await page.goto(url);
  return {
    name,
    context,
    page,
    logs,
    setOffline: (offline) => context.setOffline(offline),
    close: () => context.close(),
  };
}
