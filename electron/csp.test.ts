import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('content security policy', () => {
  it('allows only our own scripts, never eval', () => {
    const csp = buildCsp({ serverUrl: 'https://complaints.example.org' });
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('lets the page reach the configured server origin and nothing else', () => {
    const d = directives(buildCsp({ serverUrl: 'http://10.1.2.3:8080/desk' }));
    expect(d.get('connect-src')).toEqual(["'self'", 'http://10.1.2.3:8080']);
    expect(directives(buildCsp({ serverUrl: null })).get('connect-src')).toEqual(["'self'"]);
  });

  it('cannot be widened through the server URL setting', () => {
    const csp = buildCsp({ serverUrl: "https://a.example/;script-src 'unsafe-eval' *" });
    expect(csp).not.toContain('unsafe-eval');
    expect(directives(csp).get('script-src')).toEqual(["'self'"]);
    expect(directives(buildCsp({ serverUrl: 'javascript:alert(1)' })).get('connect-src')).toEqual(["'self'"]);
  });
});
