import { selfLoopAllowed } from './self-loops.js';

/** A live relationship at one of the two actors being merged, seen from that actor. */
export interface MergeRelationship {
  id: string;
  type: string;
  /** True when the actor is the subject (the relationship leaves it). */
  outgoing: boolean;
  /** The actor at the other end. */
  otherId: string;
}

/** Relationships of the merged actor that end up with the same type, direction and other end. */
export interface MergeGroup {
  type: string;
  outgoing: boolean;
  /** The other end, after the merge (the survivor for a permitted self-loop). */
  otherId: string;
  /** The survivor's relationship they are combined into, or null: a new one is created on the survivor. */
  existingId: string | null;
  /** The merged actor's relationships in this group, in id order (the first lends its properties to a new one). */
  relationships: MergeRelationship[];
}

export interface MergePlan {
  groups: MergeGroup[];
  /** Relationships between the two actors: after the merge they would be self-loops of a type where that is meaningless. */
  dropped: MergeRelationship[];
}

/**
 * What merging `mergedId` into `survivorId` does to the merged actor's relationships (pure: the
 * repository reads both actors' live relationships, applies the plan in one transaction).
 *   - a relationship between the two becomes a self-loop: kept (as a self-loop of the survivor) only
 *     for types where a self-loop means something, otherwise retracted with its claims (listed in
 *     `dropped`, still in the history);
 *   - otherwise it moves to the survivor; when the survivor already has a relationship of the same
 *     type, direction and other end (a duplicate), the two are combined into the survivor's one and
 *     every claim is kept, else a new relationship is created on the survivor.
 */
export function planMerge(
  mergedId: string,
  survivorId: string,
  mergedRelationships: readonly MergeRelationship[],
  survivorRelationships: readonly MergeRelationship[],
): MergePlan {
  const keyOf = (type: string, outgoing: boolean, otherId: string) => `${type}\u0000${outgoing ? 'out' : 'in'}\u0000${otherId}`;
  const existing = new Map<string, string>();
  for (const r of [...survivorRelationships].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = keyOf(r.type, r.outgoing, r.otherId);
    if (!existing.has(key)) existing.set(key, r.id);
  }
  const groups = new Map<string, MergeGroup>();
  const dropped: MergeRelationship[] = [];
  const seen = new Set<string>();
  for (const r of [...mergedRelationships].sort((a, b) => a.id.localeCompare(b.id))) {
    // A self-loop of the merged actor is listed twice (once per direction): take it once.
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const becomesSelfLoop = r.otherId === survivorId || r.otherId === mergedId;
    if (becomesSelfLoop && !selfLoopAllowed(r.type)) {
      dropped.push(r);
      continue;
    }
    const otherId = becomesSelfLoop ? survivorId : r.otherId;
    const key = keyOf(r.type, r.outgoing, otherId);
    let group = groups.get(key);
    if (!group) {
      group = { type: r.type, outgoing: r.outgoing, otherId, existingId: existing.get(key) ?? null, relationships: [] };
      groups.set(key, group);
    }
    group.relationships.push(r);
  }
  return { groups: [...groups.values()], dropped };
}
