/**
 * Electron main process: the thin part that touches Electron. The rules live in the modules it
 * wires together (each tested without Electron).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, Notification, protocol, session } from 'electron';
import { DESK_EVENT_CHANNELS } from '../shared/desk-api.ts';
import { APP_SCHEME, APP_START_URL } from './app-origin.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import { buildCsp } from './csp.ts';
import { createIpcHandlers, registerIpcHandlers } from './ipc-handlers.ts';
import { buildMenuTemplate } from './menu.ts';
import { printContents } from './print.ts';
import { defaultServerUrl } from './server-url.ts';
import { createSettingsStore } from './settings.ts';
import { hardenWebContents, isPermissionGranted, mainWindowOptions } from './window-options.ts';

// Must happen before `ready`: a standard, secure scheme gives the page a real origin for IndexedDB.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
// Shown notifications, kept referenced until clicked or closed: one collected earlier loses its click.
const liveNotifications = new Set<Notification>();

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_START_URL);
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const settings = createSettingsStore({
    file: join(app.getPath('userData'), 'settings.json'),
    fs: { readFile, writeFile, rename, mkdir, rm },
    defaultServerUrl: defaultServerUrl(process.argv, process.env),
  });

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: join(app.getAppPath(), 'dist', 'renderer'),
      readFile: (file) => readFile(file),
      contentSecurityPolicy: async () => buildCsp({ serverUrl: await settings.getServerUrl() }),
    }),
  );

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionGranted(permission));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged })),
  );

  registerIpcHandlers(
    (channel, listener) => ipcMain.handle(channel, listener),
    createIpcHandlers<Electron.WebContents>({
      getVersion: () => app.getVersion(),
      printWindow: (sender) => printContents(sender),
      showNotification: ({ title, body }, onClick) => {
        if (!Notification.isSupported()) return;
        const shown = new Notification({ title, body });
        liveNotifications.add(shown);
        shown.on('click', () => {
          liveNotifications.delete(shown);
          onClick();
        });
        shown.on('close', () => liveNotifications.delete(shown));
        shown.show();
      },
      onNotificationClick: (sender, complaintId) => {
        focusMainWindow();
        if (complaintId !== null && !sender.isDestroyed()) sender.send(DESK_EVENT_CHANNELS.notificationClick, complaintId);
      },
      settings,
      // The page's CSP lists the server origin in connect-src; a reload picks up the new one.
      onServerOriginChanged: (sender) => {
        setTimeout(() => {
          if (!sender.isDestroyed()) sender.reload();
        }, 0);
      },
    }),
  );

  mainWindow = createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // One desk app per workstation and user: a second start only brings the first window forward.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) mainWindow = createMainWindow();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Complaint Desk could not start:', error);
    app.exit(1);
  });
}
