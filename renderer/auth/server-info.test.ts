import { describe, expect, it } from 'vitest';
import { createApi, type FetchLike } from '../sync/http.ts';
import { readServerInfo, ServerInfoKeeper, type KeptServerInfo } from './server-info.ts';

function serverAnswering(...answers: (object | 'down')[]) {
  let n = 0;
  const fetch: FetchLike = async () => {
    const a = answers[Math.min(n++, answers.length - 1)];
    if (a === 'down' || a === undefined) throw new TypeError('fetch failed');
    return new Response(JSON.stringify(a), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return createApi({ serverUrl: 'http://127.0.0.1:9', fetch });
}

const info = (severityDefaults: KeptServerInfo['severityDefaults']) => ({ publicBaseUrl: 'https://t.example.sa', orgName: 'SHCT', supportPhone: null, severityDefaults });

describe('server info on the desk', () => {
  it('keeps the tracking base and the SLA defaults per severity, none from an older server or a broken value', () => {
    expect(readServerInfo(info({ critical: 6, high: 12 }))).toEqual({ publicBaseUrl: 'https://t.example.sa', severityDefaults: { critical: 6, high: 12 } });
    expect(readServerInfo({ publicBaseUrl: 'https://t.example.sa' }).severityDefaults).toEqual({});
    expect(readServerInfo({ publicBaseUrl: 'https://t.example.sa', severityDefaults: { high: 'soon' } }).severityDefaults).toEqual({});
    expect(() => readServerInfo({})).toThrow();
  });

  it('learns changed defaults when asked again, tells its readers and saves them; keeps them while the server is down', async () => {
    const saved: KeptServerInfo[] = [];
    const keeper = new ServerInfoKeeper({ publicBaseUrl: 'https://t.example.sa', severityDefaults: {} }, async (i) => {
      saved.push(i);
    });
    let told = 0;
    keeper.subscribe(() => told++);
    const api = serverAnswering(info({ high: 12 }), 'down', info({ high: 12 }));
    await keeper.refresh(api);
    expect(keeper.getSnapshot().severityDefaults).toEqual({ high: 12 });
    await keeper.refresh(api);
    await keeper.refresh(api);
    expect(keeper.getSnapshot().severityDefaults).toEqual({ high: 12 });
    expect([told, saved.length]).toEqual([1, 1]);
  });
});
