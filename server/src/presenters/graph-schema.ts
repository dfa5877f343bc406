import type { GraphSchema, PropertyKey } from '../contracts/graph-schema.js';
import { ACTOR_KINDS, CLAIM_STANCES, RELATIONSHIP_STATUSES, RELATIONSHIP_TYPES } from '../contracts/vocabulary.js';
import type { SchemaCountsRow, SchemaStatistics } from '../repositories/schema-repository.js';

function countsBy<K extends string>(rows: Array<Record<K, unknown> & { count: number }>, key: K): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    const value = row[key];
    if (typeof value === 'string') out.set(value, (out.get(value) ?? 0) + row.count);
  }
  return out;
}

/** Merges rows into { key, types } per owner (label or type), keys and types sorted. */
function keysBy(rows: Array<{ owners: string[]; key: string | null; types: string[] | null }>): Record<string, PropertyKey[]> {
  const byOwner = new Map<string, Map<string, Set<string>>>();
  for (const row of rows) {
    for (const owner of row.owners) {
      let keys = byOwner.get(owner);
      if (!keys) byOwner.set(owner, (keys = new Map()));
      if (row.key === null) continue;
      let types = keys.get(row.key);
      if (!types) keys.set(row.key, (types = new Set()));
      for (const t of row.types ?? []) types.add(t);
    }
  }
  const out: Record<string, PropertyKey[]> = {};
  for (const owner of [...byOwner.keys()].sort()) {
    const keys = byOwner.get(owner) ?? new Map<string, Set<string>>();
    out[owner] = [...keys.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, types]) => ({ key, types: [...types].sort() }));
  }
  return out;
}

/** ":`PROVIDES_SERVICES_TO`" → "PROVIDES_SERVICES_TO". */
export function relTypeName(relType: string): string {
  const m = /^:`(.*)`$/.exec(relType);
  return m ? (m[1] ?? '').replaceAll('``', '`') : relType.replace(/^:/, '');
}

export interface GraphSchemaInput {
  counts: SchemaCountsRow;
  /** The whole-graph statistics, or null when not known yet. */
  stats: SchemaStatistics | null;
  /** When `stats` were computed (null with them). */
  statsAsOf: Date | null;
}

/**
 * Fields: actorKinds, relationshipTypes, statuses, stances (every vocabulary entry with its
 * labels, description and live count, 0 where none; status and stance counts null without
 * stats), properties { labels, relationshipTypes } (null without stats), totals { actors,
 * relationships, sources, claims }, statsAsOf (ISO time, null without stats).
 */
export function presentGraphSchema({ counts, stats, statsAsOf }: GraphSchemaInput): GraphSchema {
  const statusCounts = stats ? countsBy(stats.statuses, 'status') : null;
  const stanceCounts = stats ? countsBy(stats.stances, 'stance') : null;
  const relationshipTypes = RELATIONSHIP_TYPES.map((t) => ({
    type: t.type,
    label: t.label,
    inverseLabel: t.inverseLabel,
    description: t.description,
    count: counts.types[t.type] ?? 0,
  }));
  return {
    actorKinds: ACTOR_KINDS.map((k) => ({
      kind: k.kind,
      label: k.label,
      plural: k.plural,
      description: k.description,
      count: counts.kinds[k.kind] ?? 0,
    })),
    relationshipTypes,
    statuses: RELATIONSHIP_STATUSES.map((s) => ({
      status: s.status,
      label: s.label,
      description: s.description,
      count: statusCounts ? (statusCounts.get(s.status) ?? 0) : null,
    })),
    stances: CLAIM_STANCES.map((s) => ({
      stance: s.stance,
      label: s.label,
      description: s.description,
      count: stanceCounts ? (stanceCounts.get(s.stance) ?? 0) : null,
    })),
    properties: stats
      ? {
          labels: keysBy(stats.nodeProperties.map((r) => ({ owners: r.nodeLabels ?? [], key: r.propertyName, types: r.propertyTypes }))),
          relationshipTypes: keysBy(
            stats.relProperties.map((r) => ({ owners: [relTypeName(r.relType)], key: r.propertyName, types: r.propertyTypes })),
          ),
        }
      : null,
    totals: {
      actors: counts.actors,
      relationships: relationshipTypes.reduce((n, t) => n + t.count, 0),
      sources: counts.sources,
      claims: counts.claims,
    },
    statsAsOf: stats && statsAsOf ? statsAsOf.toISOString() : null,
  };
}
