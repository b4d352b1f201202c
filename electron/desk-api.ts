import { DESK_IPC_CHANNELS } from '../shared/desk-api.ts';
import type { DeskApi, DeskNotification } from '../shared/desk-api.ts';

/**
 * Builds `window.desk` from an `ipcRenderer.invoke`-like function. Kept apart from preload.ts so it
 * can be tested without Electron. Only plain data crosses the bridge; nothing of ipcRenderer does.
 */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function buildDeskApi(invoke: Invoke) {
  return {
    async appVersion() {
      const version = await invoke(DESK_IPC_CHANNELS.appVersion);
      return typeof version === 'string' ? version : '';
    },
    async print() {
      await invoke(DESK_IPC_CHANNELS.print);
    },
    async notify(notification: DeskNotification) {
      // Copy the two fields: never forward whatever else the caller's object carries.
      await invoke(DESK_IPC_CHANNELS.notify, { title: notification.title, body: notification.body });
    },
    async getServerUrl() {
      const url = await invoke(DESK_IPC_CHANNELS.getServerUrl);
      return typeof url === 'string' ? url : null;
    },
    async setServerUrl(url: string) {
      await invoke(DESK_IPC_CHANNELS.setServerUrl, url);
    },
  } satisfies DeskApi;
}
