import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_IPC_CHANNELS } from '../shared/desk-api.ts';

/**
 * Runs the real main-process bundle against a stand-in for the `electron` module (the binary is
 * not installed here) and checks what it asks Electron to do.
 */
const root = resolve(import.meta.dirname, '..');
let dir: string;
let outdir: string;
let appPath: string;

type Listener = (...args: unknown[]) => unknown;

function fakeElectron(userData: string) {
  const record = {
    schemes: [] as unknown[],
    sandboxEnabled: false,
    appListeners: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; focused: number }>,
    ipcChannels: [] as string[],
    permissionHandler: null as null | Listener,
  };
  class BrowserWindow {
    loaded: string[] = [];
    focused = 0;
    constructor(public options: Record<string, unknown>) {
      record.windows.push(this);
    }
    once(): void {}
    on(): void {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    isMinimized() {
      return false;
    }
    restore(): void {}
    focus() {
      this.focused += 1;
    }
  }
  const electron = {
    app: {
      enableSandbox: () => (record.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => record.appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      getPath: () => userData,
      getAppPath: () => appPath,
      getVersion: () => '0.1.0',
      isPackaged: false,
      quit: () => undefined,
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (record.permissionHandler = handler),
        setPermissionCheckHandler: () => undefined,
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    ipcMain: { handle: (channel: string) => record.ipcChannels.push(channel) },
    Notification: class {
      static isSupported() {
        return true;
      }
      show(): void {}
    },
    BrowserWindow,
  };
  return { electron, record };
}

async function runMain(env: Record<string, string>) {
  const { electron, record } = fakeElectron(join(dir, 'userData'));
  const file = join(outdir, 'main.cjs');
  const realRequire = createRequire(file);
  const code = await readFile(file, 'utf8');
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const load = new Function('require', 'module', 'exports', '__dirname', '__filename', code);
    const module = { exports: {} };
    load((name: string) => (name === 'electron' ? electron : realRequire(name)), module, module.exports, outdir, file);
    await new Promise((done) => setTimeout(done, 50)); // let whenReady().then(start) run
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return record;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-main-'));
  outdir = join(dir, 'dist-electron');
  appPath = join(dir, 'app');
  await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Complaint Desk</title>');
  await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', outdir], { cwd: root });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('opens one hardened window on app://desk, served from dist/renderer with the CSP', async () => {
    const record = await runMain({ DESK_SERVER_URL: 'http://127.0.0.1:18080' });
    expect(record.sandboxEnabled).toBe(true);
    expect(record.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
    ]);
    expect(record.windows).toHaveLength(1);
    const window = record.windows[0];
    expect(window?.options.webPreferences).toMatchObject({
      preload: join(outdir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window?.loaded).toEqual(['app://desk/index.html']);

    const handler = record.protocolHandlers.get('app');
    const page = await handler?.(new Request('app://desk/index.html'));
    expect(await page?.text()).toContain('<title>Complaint Desk</title>');
    expect(page?.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:18080");

    expect(record.ipcChannels.sort()).toEqual(Object.values(DESK_IPC_CHANNELS).sort());
    let granted: unknown = null;
    record.permissionHandler?.({}, 'media', (answer: unknown) => (granted = answer));
    expect(granted).toBe(false);
  });

  it('focuses the existing window when the app is started a second time', async () => {
    const record = await runMain({});
    record.appListeners.get('second-instance')?.();
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]?.focused).toBe(1);
  });
});
