import type { DeskApi } from '../shared/desk-api.ts';

/**
 * What the renderer knows of where it runs: inside Electron the preload gives `window.desk`; in
 * a plain browser (e2e tests, development) the server URL comes from `?server=`, local storage
 * or the login form.
 */
declare global {
  interface Window {
    desk?: DeskApi;
  }
}

const SERVER_KEY = 'complaint-desk.server-url';

export type Platform = {
  desk: DeskApi | null;
  /** Known server URL, or null when the login form must ask for it. */
  serverUrl(): Promise<string | null>;
  /** Whether the login form shows the server field (no URL given by Electron). */
  askServerUrl(): Promise<boolean>;
  rememberServerUrl(url: string): Promise<void>;
};

function readStorage(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage may be disabled; the device database keeps the value too.
  }
}

export function createPlatform(win: Window | undefined = typeof window === 'undefined' ? undefined : window): Platform {
  const desk = win?.desk ?? null;
  const fromQuery = () => {
    if (!win) return null;
    const q = new URLSearchParams(win.location.search).get('server');
    return q && /^https?:\/\//i.test(q) ? q : null;
  };
  return {
    desk,
    async serverUrl() {
      const fromDesk = desk ? await desk.getServerUrl().catch(() => null) : null;
      return fromDesk ?? fromQuery() ?? readStorage(SERVER_KEY);
    },
    async askServerUrl() {
      if (!desk) return true;
      return (await desk.getServerUrl().catch(() => null)) === null;
    },
    async rememberServerUrl(url) {
      writeStorage(SERVER_KEY, url);
      if (desk) await desk.setServerUrl(url).catch(() => undefined);
    },
  };
}

export const LANGUAGE_KEY = 'complaint-desk.language';
export const readLanguage = () => readStorage(LANGUAGE_KEY);
export const writeLanguage = (lang: string) => writeStorage(LANGUAGE_KEY, lang);
