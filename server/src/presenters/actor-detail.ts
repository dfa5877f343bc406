import type { ActorDegree, ActorDetail, ActorSource, DegreeByType } from '../contracts/actors.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../contracts/vocabulary.js';
import type { ActorDetailRow, ActorSourceRow } from '../repositories/actor-repository.js';
import { presentActorNode } from './elements.js';
import { presentSourceSummary } from './sources.js';

const TYPES = new Map<string, (typeof RELATIONSHIP_TYPES)[number]>(RELATIONSHIP_TYPES.map((t) => [t.type, t]));

/** Fields: out, in, total, byType [{ type, label, inverseLabel, out, in, total }] (most first, then by type). */
export function presentDegree(row: Pick<ActorDetailRow, 'outDegree' | 'inDegree'>): ActorDegree {
  const byType = new Map<string, DegreeByType>();
  const entry = (type: string): DegreeByType => {
    let e = byType.get(type);
    if (!e) {
      const vocab = TYPES.get(type);
      e = {
        type: type as RelationshipType,
        label: vocab?.label ?? type,
        inverseLabel: vocab?.inverseLabel ?? type,
        out: 0,
        in: 0,
        total: 0,
      };
      byType.set(type, e);
    }
    return e;
  };
  for (const { type, count } of row.outDegree) entry(type).out += count;
  for (const { type, count } of row.inDegree) entry(type).in += count;
  const list = [...byType.values()].map((e) => ({ ...e, total: e.out + e.in }));
  list.sort((a, b) => b.total - a.total || a.type.localeCompare(b.type));
  const out = list.reduce((n, e) => n + e.out, 0);
  const inn = list.reduce((n, e) => n + e.in, 0);
  return { out, in: inn, total: out + inn, byType: list };
}

/** Fields: the source summary plus actorClaimCount and relationshipCount. */
export function presentActorSource(row: ActorSourceRow): ActorSource {
  return {
    ...presentSourceSummary(row.source, row.claimCount),
    actorClaimCount: row.actorClaimCount,
    relationshipCount: row.relationshipCount,
  };
}

/** Fields: actor (node data), properties (every stored property), degree, sources. */
export function presentActorDetail(row: ActorDetailRow): ActorDetail {
  return {
    actor: presentActorNode(row),
    properties: { ...row.properties },
    degree: presentDegree(row),
    sources: row.sources.map(presentActorSource),
  };
}
