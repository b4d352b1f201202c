/** A count per key, '' standing for none. */
export type CountRow = { key: string; count: number };

/**
 * Counts per key. Keys listed in `order` come first in that order (with zero counts, so a chart
 * shows every status), then any others by count, largest first.
 */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string | null, order: readonly string[] = []): CountRow[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const key = keyOf(item) ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const known = order.map((key) => ({ key, count: counts.get(key) ?? 0 }));
  const rest = [...counts.entries()]
    .filter(([key]) => !order.includes(key))
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return [...known, ...rest];
}
