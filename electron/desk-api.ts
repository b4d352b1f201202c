import { DESK_EVENT_CHANNELS, DESK_IPC_CHANNELS } from '../shared/desk-api.ts';
import type { DeskApi, DeskNotification } from '../shared/desk-api.ts';

/**
 * Builds `window.desk` from an `ipcRenderer.invoke`-like function and an `ipcRenderer.on`-like
 * subscription. Kept apart from preload.ts so it can be tested without Electron. Only plain data
 * crosses the bridge; nothing of ipcRenderer (not even its event object) does.
 */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Listens on a main-to-page channel; returns the function that stops listening. */
export type Subscribe = (channel: string, listener: (...args: unknown[]) => void) => () => void;

const COMPLAINT_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function buildDeskApi(invoke: Invoke, subscribe: Subscribe = () => () => undefined) {
  return {
    async appVersion() {
      const version = await invoke(DESK_IPC_CHANNELS.appVersion);
      return typeof version === 'string' ? version : '';
    },
    async print() {
      await invoke(DESK_IPC_CHANNELS.print);
    },
    async notify(notification: DeskNotification) {
      // Copy the known fields: never forward whatever else the caller's object carries.
      const { title, body, complaintId } = notification;
      await invoke(DESK_IPC_CHANNELS.notify, typeof complaintId === 'string' ? { title, body, complaintId } : { title, body });
    },
    async getServerUrl() {
      const url = await invoke(DESK_IPC_CHANNELS.getServerUrl);
      return typeof url === 'string' ? url : null;
    },
    async setServerUrl(url: string) {
      await invoke(DESK_IPC_CHANNELS.setServerUrl, url);
    },
    onNotificationClick(listener: (complaintId: string) => void) {
      return subscribe(DESK_EVENT_CHANNELS.notificationClick, (complaintId) => {
        if (typeof complaintId === 'string' && COMPLAINT_ID.test(complaintId)) listener(complaintId);
      });
    },
  } satisfies DeskApi;
}
