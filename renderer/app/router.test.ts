import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './router.ts';

describe('hash routes', () => {
  it('round-trip every page and default to the list', () => {
    expect(parseRoute(hrefFor.new)).toEqual({ name: 'new' });
    expect(parseRoute(hrefFor.list)).toEqual({ name: 'list' });
    expect(parseRoute(hrefFor.slaAdmin)).toEqual({ name: 'slaAdmin' });
    expect(parseRoute(hrefFor.detail('0190-a b'))).toEqual({ name: 'detail', id: '0190-a b' });
    expect(parseRoute('')).toEqual({ name: 'list' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'list' });
  });
});
