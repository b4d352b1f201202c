import { describe, expect, it } from 'vitest';
import { DESK_IPC_CHANNELS } from '../shared/desk-api.ts';
import type { DeskNotification } from '../shared/desk-api.ts';
import { createIpcHandlers, InvalidIpcInputError, registerIpcHandlers } from './ipc-handlers.ts';
import type { InvokeEventLike } from './ipc-handlers.ts';
import { createSettingsStore, InvalidServerUrlError } from './settings.ts';
import type { SettingsFs } from './settings.ts';

/** An in-memory file system: these tests are about the IPC rules, not the disk. */
function memoryFs(): SettingsFs {
  const files = new Map<string, string>();
  return {
    readFile: async (file) => {
      const text = files.get(file);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (file, data) => {
      files.set(file, data);
    },
    rename: async (from, to) => {
      const text = files.get(from);
      if (text === undefined) throw new Error('ENOENT');
      files.set(to, text);
      files.delete(from);
    },
    mkdir: async () => undefined,
    rm: async (file) => {
      files.delete(file);
    },
  };
}

type Sender = { id: string };

function setup() {
  const shown: DeskNotification[] = [];
  const clickHandlers: Array<() => void> = [];
  const opened: Array<[Sender, string | null]> = [];
  const printed: Sender[] = [];
  const reloaded: Sender[] = [];
  const settings = createSettingsStore({ file: '/u/settings.json', fs: memoryFs(), defaultServerUrl: 'http://127.0.0.1:8080' });
  const handlers = createIpcHandlers<Sender>({
    getVersion: () => '1.2.3',
    printWindow: async (sender) => {
      printed.push(sender);
    },
    showNotification: (n, onClick) => {
      shown.push(n);
      clickHandlers.push(onClick);
    },
    onNotificationClick: (sender, complaintId) => opened.push([sender, complaintId]),
    settings,
    onServerOriginChanged: (sender) => reloaded.push(sender),
  });
  return { handlers, shown, printed, reloaded, clickHandlers, opened };
}

const desk: Sender = { id: 'desk-window' };

describe('IPC handlers', () => {
  it('shows a valid notification and refuses malformed ones', async () => {
    const { handlers, shown } = setup();
    await handlers.notify(desk, [{ title: 'Complaint overdue', body: 'CMP-2026-000123 is overdue' }]);
    expect(shown).toEqual([{ title: 'Complaint overdue', body: 'CMP-2026-000123 is overdue' }]);
    const bad: unknown[] = [undefined, null, 'hi', { title: '' , body: 'x' }, { title: 'x' }, { title: 1, body: 'x' }, { title: 'x', body: 'y', icon: 'file:///etc/passwd' }, { title: 'x'.repeat(201), body: '' }];
    for (const input of bad) await expect(handlers.notify(desk, [input]), JSON.stringify(input)).rejects.toBeInstanceOf(InvalidIpcInputError);
    expect(shown).toHaveLength(1);
  });

  it('opens the complaint a clicked notification names, in the window that asked for it', async () => {
    const { handlers, shown, clickHandlers, opened } = setup();
    const other: Sender = { id: 'other-window' };
    await handlers.notify(desk, [{ title: 'Assigned to you', body: 'CMP-2026-000123', complaintId: '0195f0c2-7a1b-7c3d-8e4f-a1b2c3d4e5f6' }]);
    await handlers.notify(other, [{ title: 'Overdue', body: 'CMP-2026-000124' }]);
    expect(shown.map((n) => n.complaintId)).toEqual(['0195f0c2-7a1b-7c3d-8e4f-a1b2c3d4e5f6', undefined]);
    expect(opened).toEqual([]);
    clickHandlers[1]?.();
    clickHandlers[0]?.();
    expect(opened).toEqual([
      [other, null],
      [desk, '0195f0c2-7a1b-7c3d-8e4f-a1b2c3d4e5f6'],
    ]);
  });

  it('refuses a complaint id that is not an id', async () => {
    const { handlers, shown } = setup();
    for (const complaintId of ['', '../../etc', 'a'.repeat(41), 'javascript:alert(1)', 42, null]) {
      await expect(handlers.notify(desk, [{ title: 't', body: 'b', complaintId }]), String(complaintId)).rejects.toBeInstanceOf(InvalidIpcInputError);
    }
    expect(shown).toEqual([]);
  });

  it('saves a valid server URL, refuses a bad one, and reloads the page only when the origin changes', async () => {
    const { handlers, reloaded } = setup();
    expect(await handlers.getServerUrl(desk, [])).toBe('http://127.0.0.1:8080');
    await expect(handlers.setServerUrl(desk, ['javascript:alert(1)'])).rejects.toBeInstanceOf(InvalidServerUrlError);
    await expect(handlers.setServerUrl(desk, [{ href: 'http://x' }])).rejects.toBeInstanceOf(InvalidServerUrlError);
    expect(reloaded).toEqual([]);
    await handlers.setServerUrl(desk, ['https://complaints.example.org']);
    expect(await handlers.getServerUrl(desk, [])).toBe('https://complaints.example.org');
    expect(reloaded).toEqual([desk]);
    await handlers.setServerUrl(desk, ['https://complaints.example.org/']);
    expect(reloaded).toEqual([desk]);
  });

  it('prints the calling window and reports the version', async () => {
    const { handlers, printed } = setup();
    await handlers.print(desk, []);
    expect(printed).toEqual([desk]);
    expect(await handlers.appVersion(desk, [])).toBe('1.2.3');
  });
});

describe('IPC registration', () => {
  function register() {
    const { handlers, shown, printed } = setup();
    const listeners = new Map<string, (event: InvokeEventLike<Sender>, ...args: unknown[]) => Promise<unknown>>();
    registerIpcHandlers<Sender>((channel, listener) => listeners.set(channel, listener), handlers);
    return { listeners, shown, printed };
  }

  it('listens on exactly the desk channels', () => {
    expect([...register().listeners.keys()].sort()).toEqual(Object.values(DESK_IPC_CHANNELS).sort());
  });

  it('acts only for the app://desk page', async () => {
    const { listeners, shown, printed } = register();
    const notify = listeners.get(DESK_IPC_CHANNELS.notify);
    const print = listeners.get(DESK_IPC_CHANNELS.print);
    const note = { title: 't', body: 'b' };
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, { url: 'app://other/' }, null]) {
      await expect(notify?.({ sender: desk, senderFrame }, note)).rejects.toThrow('Refused');
      await expect(print?.({ sender: desk, senderFrame })).rejects.toThrow('Refused');
    }
    expect(shown).toEqual([]);
    expect(printed).toEqual([]);
    await notify?.({ sender: desk, senderFrame: { url: 'app://desk/index.html' } }, note);
    await print?.({ sender: desk, senderFrame: { url: 'app://desk/index.html#/receipt' } });
    expect(shown).toEqual([note]);
    expect(printed).toEqual([desk]);
  });
});
