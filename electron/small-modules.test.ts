import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu.ts';
import { printContents } from './print.ts';
import { defaultServerUrl } from './server-url.ts';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('menu', () => {
  it('offers developer tools only in development', () => {
    expect(roles(buildMenuTemplate({ isMac: false, isPackaged: true }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ isMac: false, isPackaged: false }))).toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ isMac: true, isPackaged: true }))).toContain('appMenu');
    expect(roles(buildMenuTemplate({ isMac: false, isPackaged: true }))).toContain('editMenu');
  });
});

describe('default server URL', () => {
  it('takes --server-url over DESK_SERVER_URL and ignores invalid values', () => {
    expect(defaultServerUrl(['electron', '.'], {})).toBeNull();
    expect(defaultServerUrl(['electron', '.'], { DESK_SERVER_URL: 'http://127.0.0.1:8080' })).toBe('http://127.0.0.1:8080');
    expect(defaultServerUrl(['desk.exe', '--server-url=https://cd.example/'], { DESK_SERVER_URL: 'http://127.0.0.1:8080' })).toBe(
      'https://cd.example',
    );
    expect(defaultServerUrl(['desk.exe', '--server-url=ftp://x'], { DESK_SERVER_URL: 'http://127.0.0.1:8080' })).toBe(
      'http://127.0.0.1:8080',
    );
    expect(defaultServerUrl([], { DESK_SERVER_URL: 'nonsense' })).toBeNull();
  });
});

describe('printing', () => {
  const printer = (success: boolean, reason: string) => ({
    print: (_options: unknown, callback: (success: boolean, failureReason: string) => void) => callback(success, reason),
  });

  it('treats a cancelled print dialog as done and a failure as an error', async () => {
    await expect(printContents(printer(true, ''))).resolves.toBeUndefined();
    await expect(printContents(printer(false, 'cancelled'))).resolves.toBeUndefined();
    await expect(printContents(printer(false, 'Printer is offline'))).rejects.toThrow('Printer is offline');
  });
});
