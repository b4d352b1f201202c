import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences, hardenWebContents, isNavigationAllowed, isPermissionGranted, mainWindowOptions } from './window-options.ts';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does and tells whether a listener blocked it. */
  attempt(event: string, ...args: unknown[]): 'blocked' | 'allowed' {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented ? 'blocked' : 'allowed';
  }
}

describe('window hardening', () => {
  it('runs the page isolated and sandboxed, without Node', () => {
    const prefs = hardenedWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(mainWindowOptions('/p.cjs').webPreferences).toEqual(hardenedWebPreferences('/p.cjs'));
  });

  it('keeps navigation inside app://desk', () => {
    const contents = new FakeContents();
    hardenWebContents(contents);
    expect(contents.attempt('will-navigate', 'app://desk/index.html#/complaints')).toBe('allowed');
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(contents.attempt('will-navigate', url), url).toBe('blocked');
      expect(contents.attempt('will-redirect', url), url).toBe('blocked');
    }
    expect(isNavigationAllowed('app://desk/')).toBe(true);
  });

  it('never opens new windows or webviews', () => {
    const contents = new FakeContents();
    hardenWebContents(contents);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-attach-webview')).toBe('blocked');
  });

  it('grants the page no browser permission', () => {
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });
});
