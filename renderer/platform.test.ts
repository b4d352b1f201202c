import { describe, expect, it } from 'vitest';
import type { DeskApi } from '../shared/desk-api.ts';
import { createPlatform } from './platform.ts';

const fakeWindow = (search: string, desk?: Partial<DeskApi>) =>
  ({ location: { search }, ...(desk ? { desk } : {}) }) as unknown as Window;

describe('platform', () => {
  it('in a browser takes the server from ?server= and asks for it on the login form', async () => {
    const p = createPlatform(fakeWindow('?server=http%3A%2F%2F127.0.0.1%3A8080'));
    expect(await p.serverUrl()).toBe('http://127.0.0.1:8080');
    expect(await p.askServerUrl()).toBe(true);
    expect(p.desk).toBeNull();
  });

  it('ignores a ?server= that is not http(s)', async () => {
    expect(await createPlatform(fakeWindow('?server=javascript:alert(1)')).serverUrl()).toBeNull();
  });

  it('in Electron uses the preload URL and hides the field once one is set', async () => {
    let saved: string | null = null;
    const desk = { getServerUrl: async () => saved, setServerUrl: async (u: string) => void (saved = u) };
    const p = createPlatform(fakeWindow('', desk));
    expect(await p.askServerUrl()).toBe(true);
    await p.rememberServerUrl('https://desk.example.org');
    expect(await p.serverUrl()).toBe('https://desk.example.org');
    expect(await p.askServerUrl()).toBe(false);
  });
});
