import type { Page } from 'playwright-core';
import { Shell } from './Shell.ts';

export class LoginPage {
  constructor(readonly page: Page) {}

  /** Logs in and waits for the shell; returns it. The server field is filled only if empty. */
  async login(username: string, password: string, serverUrl?: string): Promise<Shell> {
    const p = this.page;
    await p.getByTestId('login-username').waitFor({ timeout: 30_000 });
    const server = p.getByTestId('login-server');
    if (serverUrl && (await server.count()) > 0 && (await server.isVisible()) && (await server.inputValue()) === '') {
      await server.fill(serverUrl);
    }
    await p.getByTestId('login-username').fill(username);
    await p.getByTestId('login-password').fill(password);
    await p.getByTestId('login-submit').click();
    const shell = new Shell(p);
    const outcome = await Promise.race([
      shell.indicator.waitFor({ timeout: 60_000 }).then(() => 'ok' as const),
      p.getByTestId('login-error').waitFor({ timeout: 60_000 }).then(() => 'error' as const),
    ]);
    if (outcome === 'error') {
      throw new Error(`login of ${username} refused on screen: ${await p.getByTestId('login-error').innerText()}`);
    }
    return shell;
  }

  async errorText(): Promise<string> {
    return this.page.getByTestId('login-error').innerText();
  }
}
