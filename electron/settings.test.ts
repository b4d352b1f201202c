import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore, InvalidServerUrlError } from './settings.ts';
import type { SettingsFs } from './settings.ts';

const realFs: SettingsFs = {
  readFile: (file, encoding) => fs.readFile(file, encoding),
  writeFile: (file, data, encoding) => fs.writeFile(file, data, encoding),
  rename: (from, to) => fs.rename(from, to),
  mkdir: (dir, options) => fs.mkdir(dir, options),
  rm: (file, options) => fs.rm(file, options),
};

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'desk-settings-'));
  file = join(dir, 'userData', 'settings.json');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('desk settings', () => {
  it('has no server URL on first run unless a default was given', async () => {
    expect(await createSettingsStore({ file, fs: realFs }).getServerUrl()).toBeNull();
    expect(await createSettingsStore({ file, fs: realFs, defaultServerUrl: 'http://127.0.0.1:8080' }).getServerUrl()).toBe(
      'http://127.0.0.1:8080',
    );
    expect(await createSettingsStore({ file, fs: realFs, defaultServerUrl: 'ftp://x' }).getServerUrl()).toBeNull();
  });

  it('keeps the server URL between runs, and a saved URL beats the default', async () => {
    await createSettingsStore({ file, fs: realFs }).setServerUrl('https://complaints.example.org/');
    const nextRun = createSettingsStore({ file, fs: realFs, defaultServerUrl: 'http://127.0.0.1:8080' });
    expect(await nextRun.getServerUrl()).toBe('https://complaints.example.org');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ serverUrl: 'https://complaints.example.org' });
    expect(await fs.readdir(join(dir, 'userData'))).toEqual(['settings.json']); // no temp files left
  });

  it('refuses anything but a plain http(s) URL and keeps the previous one', async () => {
    const store = createSettingsStore({ file, fs: realFs });
    await store.setServerUrl('http://10.0.0.5:8080');
    const bad: unknown[] = ['ftp://files.example', 'javascript:alert(1)', 'file:///etc/passwd', 'app://desk', 'example.org', '', 42, null, { url: 'http://x' }, 'http://user:pw@host.example', 'http://host.example/?a=1'];
    for (const url of bad) await expect(store.setServerUrl(url), String(url)).rejects.toBeInstanceOf(InvalidServerUrlError);
    expect(await store.getServerUrl()).toBe('http://10.0.0.5:8080');
    await store.setServerUrl('http://[::1]:8080');
    expect(await store.getServerUrl()).toBe('http://[::1]:8080');
  });

  it('starts from the defaults when the file is damaged, and can save over it', async () => {
    await fs.mkdir(join(dir, 'userData'), { recursive: true });
    await fs.writeFile(file, '{"serverUrl": "http://half');
    const store = createSettingsStore({ file, fs: realFs, defaultServerUrl: 'http://127.0.0.1:8080' });
    expect(await store.getServerUrl()).toBe('http://127.0.0.1:8080');
    await fs.writeFile(file, JSON.stringify({ serverUrl: 'gopher://old' }));
    expect(await store.getServerUrl()).toBe('http://127.0.0.1:8080');
    await store.setServerUrl('https://new.example');
    expect(await store.getServerUrl()).toBe('https://new.example');
  });

  it('leaves the old file intact when the replace fails', async () => {
    await createSettingsStore({ file, fs: realFs }).setServerUrl('https://old.example');
    const failingRename: SettingsFs = { ...realFs, rename: async () => Promise.reject(new Error('disk full')) };
    await expect(createSettingsStore({ file, fs: failingRename }).setServerUrl('https://new.example')).rejects.toThrow('disk full');
    expect(await createSettingsStore({ file, fs: realFs }).getServerUrl()).toBe('https://old.example');
    expect(await fs.readdir(join(dir, 'userData'))).toEqual(['settings.json']);
  });
});
