import { describe, expect, it } from 'vitest';
import { DESK_IPC_CHANNELS } from '../shared/desk-api.ts';
import { buildDeskApi } from './desk-api.ts';

describe('window.desk', () => {
  it('has exactly the DeskApi methods', () => {
    const api = buildDeskApi(async () => undefined);
    expect(Object.keys(api).sort()).toEqual(Object.keys(DESK_IPC_CHANNELS).sort());
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
    expect(calls).toEqual([
      [DESK_IPC_CHANNELS.appVersion, []],
      [DESK_IPC_CHANNELS.getServerUrl, []],
      [DESK_IPC_CHANNELS.print, []],
      [DESK_IPC_CHANNELS.setServerUrl, ['https://complaints.example.org']],
      [DESK_IPC_CHANNELS.notify, [{ title: 'Overdue', body: 'CMP-2026-000001' }]],
    ]);
  });

  it('reports no server URL when none is configured', async () => {
    expect(await buildDeskApi(async () => null).getServerUrl()).toBeNull();
  });
});
