/**
 * After a curation write: bring the canvas and the details panel in line with what the API
 * answered. The canvas is synced from the explorer's graph (only additions and removals), so a
 * changed element is taken off and put back with its new data (its position kept).
 */
import type { ActorDetail, RelationshipDetail } from '../../api.js';
import type { Explorer } from '../../app.js';
import type { GraphElements } from '../../graph/types.js';

function without(graph: GraphElements, drop: { node?: string; edge?: string }): GraphElements {
  return {
    nodes: graph.nodes.filter((n) => n.data.id !== drop.node),
    edges: graph.edges.filter((e) => e.data.id !== drop.edge && e.data.source !== drop.node && e.data.target !== drop.node),
  };
}

/** An edited actor: new data on the canvas, details shown again. */
export async function afterActorChange(explorer: Explorer, detail: ActorDetail): Promise<void> {
  const id = detail.actor.data.id;
  const graph = explorer.graph;
  const old = graph.nodes.find((n) => n.data.id === id);
  if (old) {
    const edges = graph.edges.filter((e) => e.data.source === id || e.data.target === id);
    await explorer.loadScene(without(graph, { node: id }));
    await explorer.growScene(id, { nodes: [{ data: detail.actor.data, ...(old.position ? { position: old.position } : {}) }], edges });
  }
  explorer.select({ kind: 'node', id });
  explorer.announce(`${detail.actor.data.name} saved.`);
}

/** A new or changed relationship: it and its two actors on the canvas, and selected. */
export async function afterRelationshipChange(explorer: Explorer, detail: RelationshipDetail): Promise<void> {
  const edge = detail.relationship;
  const graph = explorer.graph;
  if (graph.edges.some((e) => e.data.id === edge.data.id)) await explorer.loadScene(without(graph, { edge: edge.data.id }));
  await explorer.growScene(detail.subject.data.id, { nodes: [detail.subject, detail.object], edges: [edge] });
  explorer.select({ kind: 'edge', id: edge.data.id });
  explorer.announce(`${detail.subject.data.name} ${edge.data.label} ${detail.object.data.name}: ${edge.data.evidenceCount} claim${edge.data.evidenceCount === 1 ? '' : 's'}.`);
}

export async function afterRelationshipGone(explorer: Explorer, id: string): Promise<void> {
  await explorer.loadScene(without(explorer.graph, { edge: id }));
  explorer.select(null);
  explorer.announce('Relationship deleted (kept in the history).');
}

/** A deleted actor leaves the canvas; a merged one is replaced by the actor it went into. */
export async function afterActorGone(explorer: Explorer, id: string, survivorId: string | null): Promise<void> {
  await explorer.loadScene(without(explorer.graph, { node: id }));
  if (survivorId) await explorer.addActor(survivorId);
  else {
    explorer.select(null);
    explorer.announce('Actor deleted (kept in the history).');
  }
}
