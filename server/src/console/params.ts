import neo4j from 'neo4j-driver';

/**
 * Console parameters (JSON) as driver values: whole numbers become Neo4j integers (as Neo4j
 * Browser's `:param x => 10` does), so `LIMIT $n` and `range(1, $n)` accept them; everything
 * else is passed as is. Parameters are values: Neo4j never parses them as Cypher, whatever text
 * they contain.
 */
export function toDriverParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = toDriverValue(value);
  return out;
}

function toDriverValue(value: unknown): unknown {
  if (neo4j.isInt(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object') return toDriverParams(value as Record<string, unknown>);
  return value;
}
