/**
 * The line under the results (pure): row count, timings and the counters Neo4j reported that are
 * not zero; and the readable name of a query type.
 */
import type { ConsoleResult } from './types.js';

export const QUERY_TYPES: Record<string, string> = {
  r: 'read',
  rw: 'read-write',
  w: 'write',
  s: 'schema',
};

/** Counters worth showing: non-zero numbers (booleans such as containsUpdates are dropped). */
export function nonZeroCounters(counters: Record<string, unknown>): [string, number][] {
  return Object.entries(counters).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== 0);
}

/** `1 row`, `2 rows`, `1,234 nodes`. */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Milliseconds for reading: one decimal under 10 ms, whole above. */
export function ms(value: number): string {
  return `${value < 10 ? Math.round(value * 10) / 10 : Math.round(value).toLocaleString('en')} ms`;
}

export function summaryText(result: ConsoleResult): string {
  const s = result.summary;
  const rows = count(result.rowCount, 'row', 'rows');
  const elements =
    result.elements.nodes.length > 0
      ? `, ${count(result.elements.nodes.length, 'node', 'nodes')} and ${count(result.elements.edges.length, 'relationship', 'relationships')} in the graph`
      : '';
  const timing = `available after ${ms(s.resultAvailableAfterMs)}, consumed after ${ms(s.resultConsumedAfterMs)}, ${ms(s.totalMs)} in total`;
  const counters = nonZeroCounters(s.counters).map(([k, v]) => `${k} ${v}`);
  const type = QUERY_TYPES[s.queryType] ?? s.queryType;
  return `${rows}${elements} · ${timing} · ${type} query${counters.length > 0 ? ` · ${counters.join(', ')}` : ''}`;
}
