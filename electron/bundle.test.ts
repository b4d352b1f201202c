import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_EVENT_CHANNELS, DESK_IPC_CHANNELS } from '../shared/desk-api.ts';

const root = resolve(import.meta.dirname, '..');
let outdir: string;

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ''))].sort();
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'desk-bundle-'));
  await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', outdir], { cwd: root });
}, 60_000);
afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('electron bundles (npm run build:electron)', () => {
  it('bundles the sandboxed preload so that it requires only electron', async () => {
    expect(requiredModules(await readFile(join(outdir, 'preload.cjs'), 'utf8'))).toEqual(['electron']);
  });

  it('exposes exactly one object, window.desk, with the DeskApi methods', async () => {
    const exposed: Array<[string, unknown]> = [];
    const invoked: string[] = [];
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: {
        invoke: async (channel: string) => invoked.push(channel),
        on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    const code = await readFile(join(outdir, 'preload.cjs'), 'utf8');
    runInNewContext(code, {
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
        return electron;
      },
      module: { exports: {} },
      exports: {},
    });
    expect(exposed.map(([key]) => key)).toEqual(['desk']);
    const api = exposed[0]?.[1] as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(DESK_IPC_CHANNELS), 'onNotificationClick'].sort());
    await api.print?.();
    expect(invoked).toEqual([DESK_IPC_CHANNELS.print]);
    // A clicked notification reaches the page as its complaint id alone, never the IPC event.
    const clicked: unknown[][] = [];
    const stop = api.onNotificationClick?.((...args: unknown[]) => clicked.push(args)) as () => void;
    listeners.get(DESK_EVENT_CHANNELS.notificationClick)?.({ sender: 'ipc-event' }, 'c-1');
    expect(clicked).toEqual([['c-1']]);
    stop();
    expect(listeners.has(DESK_EVENT_CHANNELS.notificationClick)).toBe(false);
  });

  it('bundles the main process with its libraries, leaving out only electron and Node built-ins', async () => {
    const required = requiredModules(await readFile(join(outdir, 'main.cjs'), 'utf8'));
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    expect(required).toContain('electron');
    expect(required.filter((name) => name !== 'electron' && !builtins.has(name))).toEqual([]);
  });
});
