import type { ChangeProperties } from '../curation/change.js';
import type { Mention } from '../curation/mentions.js';
import type { MergeResult } from '../repositories/curation-repository.js';

/** A stored snapshot back to JSON; absent (Neo4j stores no nulls) is null. */
const parse = (json: string | null | undefined): unknown => {
  if (json === null || json === undefined) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
};

/** Fields: id, at, by, action, targetKind, targetId, before, after (the snapshots, parsed). */
export function presentChange(c: ChangeProperties) {
  return { id: c.id, at: c.at, by: c.by, action: c.action, targetKind: c.targetKind, targetId: c.targetId, before: parse(c.before), after: parse(c.after) };
}

/** Fields: targetKind, targetId, changes (newest first). */
export function presentHistory(targetKind: 'actor' | 'relationship', targetId: string, changes: ChangeProperties[]) {
  return { targetKind, targetId, changes: changes.map(presentChange) };
}

/**
 * Fields: mentions [{ start, end, text, actor { id, name, kind }, matched, term }] in text order,
 * actors [{ id, name, kind, count }] (each actor mentioned, most mentioned first).
 */
export function presentMentions(mentions: Mention[]) {
  const actors = new Map<string, { id: string; name: string; kind: string; count: number }>();
  for (const m of mentions) {
    const a = actors.get(m.actorId) ?? { id: m.actorId, name: m.name, kind: m.kind, count: 0 };
    a.count += 1;
    actors.set(m.actorId, a);
  }
  return {
    mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, actor: { id: m.actorId, name: m.name, kind: m.kind }, matched: m.matched, term: m.term })),
    actors: [...actors.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}

/** Fields: mergedId, moved [{from, to}], combined [{from, into}], dropped [ids], claimsMoved. */
export function presentMergeResult(r: MergeResult) {
  return { mergedId: r.mergedId, moved: r.moved, combined: r.combined, dropped: r.dropped, claimsMoved: r.claimsMoved };
}
