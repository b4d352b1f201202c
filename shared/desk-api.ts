/**
 * The one object the Electron preload exposes to the renderer as `window.desk`. The preload checks
 * its implementation against this type with `satisfies`; the renderer treats it as optional, so the
 * same renderer also runs in a plain browser (end-to-end tests, development).
 */
export type DeskNotification = {
  title: string;
  body: string;
  /** The complaint to open when the user clicks the notification. */
  complaintId?: string;
};

export type DeskApi = {
  appVersion(): Promise<string>;
  /** Prints the current page (the receipt view) through the OS print dialog. */
  print(): Promise<void>;
  notify(notification: DeskNotification): Promise<void>;
  getServerUrl(): Promise<string | null>;
  /** Refused (rejects) unless the URL is http(s). Kept between runs. */
  setServerUrl(url: string): Promise<void>;
  /**
   * Calls `listener` with the complaint id of an OS notification (shown by `notify`) the user
   * clicked; the window has been brought forward. Returns the function that stops listening.
   */
  onNotificationClick(listener: (complaintId: string) => void): () => void;
};

/** The methods that are requests to the main process (one IPC channel each). */
export type DeskInvokeMethod = Exclude<keyof DeskApi, 'onNotificationClick'>;

export const DESK_IPC_CHANNELS = {
  appVersion: 'desk:app-version',
  print: 'desk:print',
  notify: 'desk:notify',
  getServerUrl: 'desk:get-server-url',
  setServerUrl: 'desk:set-server-url',
} as const satisfies Record<DeskInvokeMethod, string>;

/** Messages from the main process to the page. */
export const DESK_EVENT_CHANNELS = {
  notificationClick: 'desk:notification-click',
} as const;
