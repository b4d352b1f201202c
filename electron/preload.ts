/**
 * Sandboxed preload: bundled to one CommonJS file that requires nothing but `electron`. It exposes
 * exactly one object, `window.desk`, and never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildDeskApi } from './desk-api.ts';

contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      // The IPC event (with its sender) stays here; the page gets the arguments only.
      const forward = (_event: Electron.IpcRendererEvent, ...args: unknown[]) => listener(...args);
      ipcRenderer.on(channel, forward);
      return () => void ipcRenderer.removeListener(channel, forward);
    },
  ),
);
