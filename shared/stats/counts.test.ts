import { describe, expect, it } from 'vitest';
import { countBy } from './counts.ts';

describe('countBy', () => {
  it('lists the ordered keys first with zeros, then the others by count', () => {
    const items = ['b', 'x', 'y', 'y', null, 'b', 'y'];
    expect(countBy(items, (i) => i, ['a', 'b'])).toEqual([
      { key: 'a', count: 0 },
      { key: 'b', count: 2 },
      { key: 'y', count: 3 },
      { key: '', count: 1 },
      { key: 'x', count: 1 },
    ]);
  });

  it('is empty for nothing without an order', () => {
    expect(countBy([], (i: string) => i)).toEqual([]);
  });
});
