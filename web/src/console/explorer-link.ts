/**
 * "Open in explorer": the explorer URL with the actors of a graph result on its canvas
 * (`/?a=id1,id2`, graph/view-state.ts). Only actors go (other nodes, such as claims or sources,
 * are not canvas nodes in the explorer): an actor is a node whose kind is one of the explorer's.
 */
import { KIND_STYLES } from '../graph/stylesheet.js';
import type { GraphElements } from '../graph/types.js';
import { emptyViewState, encodeViewState } from '../graph/view-state.js';

export function actorIds(elements: GraphElements): string[] {
  return elements.nodes.filter((n) => Object.hasOwn(KIND_STYLES, n.data.kind)).map((n) => n.data.id);
}

/** The explorer's URL for these actors, or null when the result holds none. */
export function explorerUrl(elements: GraphElements, maxActors: number): string | null {
  const ids = actorIds(elements);
  if (ids.length === 0) return null;
  const query = encodeViewState({ ...emptyViewState(), actors: ids }, maxActors);
  return query === '' ? null : `/?${query}`;
}
