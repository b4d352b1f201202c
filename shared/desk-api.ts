/**
 * The one object the Electron preload exposes to the renderer as `window.desk`. The preload checks
 * its implementation against this type with `satisfies`; the renderer treats it as optional, so the
 * same renderer also runs in a plain browser (end-to-end tests, development).
 */
export type DeskNotification = { title: string; body: string };

export type DeskApi = {
  appVersion(): Promise<string>;
  /** Prints the current page (the receipt view) through the OS print dialog. */
  print(): Promise<void>;
  notify(notification: DeskNotification): Promise<void>;
  getServerUrl(): Promise<string | null>;
  /** Refused (rejects) unless the URL is http(s). Kept between runs. */
  setServerUrl(url: string): Promise<void>;
};

export const DESK_IPC_CHANNELS = {
  appVersion: 'desk:app-version',
  print: 'desk:print',
  notify: 'desk:notify',
  getServerUrl: 'desk:get-server-url',
  setServerUrl: 'desk:set-server-url',
} as const satisfies Record<keyof DeskApi, string>;
