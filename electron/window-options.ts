import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isAppUrl } from './app-origin.ts';

/**
 * Window hardening. The renderer shows text typed by complainants and received from the server, so
 * it is treated as untrusted: no Node, an isolated and sandboxed preload, no navigation away from
 * the app, no new windows, no webviews, no device permissions.
 */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium fetches spell-check dictionaries from Google; desks are often offline.
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Complaint Desk',
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}

/** Navigation inside the app (e.g. a reload or an in-app link) is fine; anything else is not. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** `window.open` and target=_blank never open a window: the desk has exactly one. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * The renderer needs no browser permission: OS notifications go through the main process (IPC),
 * and camera, microphone, geolocation, clipboard reads, HID/USB/serial are never needed.
 */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

type PreventableEvent = { preventDefault(): void };

/**
 * The few webContents methods the guards use. Listeners are typed loosely on purpose: Electron
 * passes extra, version-dependent arguments after the URL.
 */
export type GuardableContents = {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

export function hardenWebContents(contents: GuardableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => windowOpenDecision());
}
