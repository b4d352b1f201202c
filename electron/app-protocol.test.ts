import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol.ts';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'desk-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Desk</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'patient data');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps the root and in-app routes to index.html', () => {
    expect(resolveAppPath(root, '/')).toMatchObject({ ok: true, file: join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppPath(root, '/complaints/123')).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppPath(root, '/assets/index-abc.js')).toMatchObject({
      ok: true,
      file: join(root, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppPath(root, '/assets/a%20b.css')).toMatchObject({ ok: true, file: join(root, 'assets', 'a b.css'), mimeType: 'text/css; charset=utf-8' });
  });

  it('refuses every way out of the renderer folder', () => {
    const attacks = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '//etc/passwd',
      '/%2Fetc%2Fpasswd',
      '/C:%5CWindows%5Cwin.ini',
      '/c:/Windows/win.ini',
      '/index.html%00.png',
      '/%E0%A4%A', // malformed encoding
      'etc/passwd',
    ];
    for (const path of attacks) expect(resolveAppPath(root, path), path).toEqual({ ok: false, status: 400 });
  });
});

describe('app:// protocol handler', () => {
  const handler = () =>
    createAppProtocolHandler({ rootDir: root, readFile: (file) => readFile(file), contentSecurityPolicy: () => "default-src 'self'" });

  it('serves the renderer with its MIME type and the CSP', async () => {
    const page = await handler()(new Request('app://desk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Desk</title>');

    const script = await handler()(new Request('app://desk/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and other hosts, and never serves files outside the folder', async () => {
    expect((await handler()(new Request('app://desk/assets/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://other/index.html'))).status).toBe(404);
    for (const url of ['app://desk/%2e%2e%2fsecret.txt', 'app://desk/assets/..%2F..%2Fsecret.txt', 'app://desk/..%5Csecret.txt']) {
      const response = await handler()(new Request(url));
      expect(response.status, url).toBe(400);
      expect(await response.text()).not.toContain('patient data');
    }
  });

  it('only answers reads', async () => {
    expect((await handler()(new Request('app://desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
