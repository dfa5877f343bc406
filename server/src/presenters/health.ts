import type { Neo4jServerInfo } from '../repositories/system-repository.js';

export type HealthInput =
  | { ok: true; info: Neo4jServerInfo; mode: 'embedded' | 'external' }
  | { ok: false; mode: 'embedded' | 'external'; reason: string };

/** Fields of the health body: status, neo4j { version, edition, mode } and, when down, error. */
export function presentHealth(input: HealthInput) {
  if (input.ok) {
    return {
      status: 'ok' as const,
      neo4j: { version: input.info.version, edition: input.info.edition, mode: input.mode },
    };
  }
  return {
    status: 'unavailable' as const,
    neo4j: null,
    error: { code: 'NEO4J_UNAVAILABLE', message: `Neo4j is not reachable: ${firstLine(input.reason)}` },
  };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
