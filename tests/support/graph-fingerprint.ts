import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

/**
 * A fingerprint of everything stored: every node's labels and properties and every relationship's
 * type, endpoints and properties, hashed in a stable order. Two equal fingerprints mean the data did
 * not change (used to prove that bad or random input never alters stored data).
 */
export async function graphFingerprint(driver: Driver, database = 'neo4j'): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await driver.executeQuery(
    'MATCH (n) WITH n ORDER BY elementId(n) RETURN collect([labels(n), properties(n)]) AS all',
    {},
    { database, routing: 'READ' },
  );
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r) RETURN collect([type(r), elementId(a), elementId(b), properties(r)]) AS all',
    {},
    { database, routing: 'READ' },
  );
  const nodeList = nodes.records[0]?.get('all') as unknown[];
  const relList = rels.records[0]?.get('all') as unknown[];
  const hash = createHash('sha256')
    .update(JSON.stringify(nodeList, sortedReplacer))
    .update(JSON.stringify(relList, sortedReplacer))
    .digest('hex');
  return { nodes: nodeList.length, relationships: relList.length, hash };
}

function sortedReplacer(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}
