import { describe, expect, it } from 'vitest';
import { DESK_EVENT_CHANNELS, DESK_IPC_CHANNELS } from '../shared/desk-api.ts';
import { buildDeskApi } from './desk-api.ts';

describe('window.desk', () => {
  it('has exactly the DeskApi methods', () => {
    const api = buildDeskApi(async () => undefined);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(DESK_IPC_CHANNELS), 'onNotificationClick'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('calls the matching channel with plain data only', async () => {
    const calls: Array<[string, unknown[]]> = [];
    const answers: Record<string, unknown> = {
      [DESK_IPC_CHANNELS.appVersion]: '0.1.0',
      [DESK_IPC_CHANNELS.getServerUrl]: 'http://127.0.0.1:8080',
    };
    const api = buildDeskApi(async (channel, ...args) => {
      calls.push([channel, args]);
      return answers[channel];
    });
    expect(await api.appVersion()).toBe('0.1.0');
    expect(await api.getServerUrl()).toBe('http://127.0.0.1:8080');
    await api.print();
    await api.setServerUrl('https://complaints.example.org');
    const sneaky = Object.assign({ title: 'Overdue', body: 'CMP-2026-000001' }, { onclick: () => 1 });
    await api.notify(sneaky);
    await api.notify({ title: 'Assigned', body: 'CMP-2026-000002', complaintId: 'c-1' });
    expect(calls).toEqual([
      [DESK_IPC_CHANNELS.appVersion, []],
      [DESK_IPC_CHANNELS.getServerUrl, []],
      [DESK_IPC_CHANNELS.print, []],
      [DESK_IPC_CHANNELS.setServerUrl, ['https://complaints.example.org']],
      [DESK_IPC_CHANNELS.notify, [{ title: 'Overdue', body: 'CMP-2026-000001' }]],
      [DESK_IPC_CHANNELS.notify, [{ title: 'Assigned', body: 'CMP-2026-000002', complaintId: 'c-1' }]],
    ]);
  });

  it('passes clicked notifications’ complaint ids to the page, only well-formed ones, until it stops listening', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const api = buildDeskApi(
      async () => undefined,
      (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    );
    const opened: string[] = [];
    const stop = api.onNotificationClick((id) => opened.push(id));
    const fire = (...args: unknown[]) => listeners.get(DESK_EVENT_CHANNELS.notificationClick)?.(...args);
    fire('0195f0c2-7a1b-7c3d-8e4f-a1b2c3d4e5f6');
    fire({ id: 'x' });
    fire('<img src=x>');
    fire();
    expect(opened).toEqual(['0195f0c2-7a1b-7c3d-8e4f-a1b2c3d4e5f6']);
    stop();
    fire('c-2');
    expect(opened).toHaveLength(1);
  });

  it('reports no server URL when none is configured', async () => {
    expect(await buildDeskApi(async () => null).getServerUrl()).toBeNull();
  });
});
