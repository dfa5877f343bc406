/**
 * The Cytoscape canvas: created once, then synced from the GraphElements the app holds (undo,
 * redo, URL restores all go through `syncCanvas`). Classes come from graph/classes.ts.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { classString, edgeClasses, nodeClasses } from './classes.js';
import { DEFAULTS } from './defaults.js';
import { buildStylesheet } from './stylesheet.js';
import type { GraphElements, Position } from './types.js';

cytoscape.use(fcose);

export function createCanvas(container: HTMLElement): Core {
  return cytoscape({
    container,
    style: buildStylesheet(),
    minZoom: 0.15,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
}

/**
 * Makes the canvas show exactly `elements`: removes what is not there, adds what is missing
 * (at its recorded position, else at `fallback`). Returns the ids of the nodes it added.
 */
export function syncCanvas(cy: Core, elements: GraphElements, fallback?: Position): string[] {
  const wantNodes = new Set(elements.nodes.map((n) => n.data.id));
  const wantEdges = new Set(elements.edges.map((e) => e.data.id));
  const added: string[] = [];
  cy.batch(() => {
    cy.edges().forEach((e) => {
      if (!wantEdges.has(e.id())) e.remove();
    });
    cy.nodes().forEach((n) => {
      if (!wantNodes.has(n.id())) n.remove();
    });
    const defs: ElementDefinition[] = [];
    for (const node of elements.nodes) {
      const existing = cy.getElementById(node.data.id);
      if (existing.nonempty()) {
        if (node.position) existing.position(node.position);
        continue;
      }
      added.push(node.data.id);
      defs.push({
        group: 'nodes',
        data: { ...node.data },
        classes: classString(nodeClasses(node.data)),
        position: node.position ? { ...node.position } : fallback ? { ...fallback } : { x: 0, y: 0 },
      });
    }
    for (const edge of elements.edges) {
      if (cy.getElementById(edge.data.id).nonempty()) continue;
      defs.push({ group: 'edges', data: { ...edge.data }, classes: classString(edgeClasses(edge.data)) });
    }
    if (defs.length > 0) cy.add(defs);
  });
  return added;
}

export function positionsOf(cy: Core): Map<string, Position> {
  const out = new Map<string, Position>();
  cy.nodes().forEach((n) => {
    const p = n.position();
    out.set(n.id(), { x: p.x, y: p.y });
  });
  return out;
}

/** Places new nodes on a ring around `centreId` (the expanded node), outside the nodes already there. */
export function ringAround(cy: Core, centreId: string, newIds: readonly string[]): void {
  const centre = cy.getElementById(centreId);
  const c = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
  const n = newIds.length;
  const radius = DEFAULTS.ringRadius + Math.max(0, n - 8) * 8;
  // Start the ring on the side facing away from the rest of the graph.
  const others = cy.nodes().filter((x) => !newIds.includes(x.id()) && x.id() !== centreId);
  let start = 0;
  if (others.nonempty()) {
    const bb = others.boundingBox({});
    start = Math.atan2(c.y - (bb.y1 + bb.y2) / 2, c.x - (bb.x1 + bb.x2) / 2) - Math.PI / 2;
  }
  newIds.forEach((id, i) => {
    const angle = start + (Math.PI * 2 * (i + 0.5)) / Math.max(n, 1);
    cy.getElementById(id).position({ x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  });
}

/**
 * Lays out: the whole graph (first load, restore), or only the new nodes with every other node
 * fixed where it is (fcose fixedNodeConstraint), so an expansion never reshuffles the picture.
 */
export function runLayout(cy: Core, newIds: readonly string[] | 'all'): Promise<void> {
  if (cy.nodes().empty()) return Promise.resolve();
  const animate = DEFAULTS.animationMs > 0;
  const common = {
    name: 'fcose',
    animate,
    animationDuration: DEFAULTS.animationMs,
    fit: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 140,
    nodeRepulsion: () => 9000,
    nodeSeparation: 90,
    packComponents: true,
  };
  if (newIds === 'all') {
    return new Promise((resolve) => {
      const layout = cy.layout({ ...common, randomize: true, quality: 'proof' } as unknown as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
  }
  const fresh = new Set(newIds);
  if (fresh.size === 0) return Promise.resolve();
  const fixed = cy.nodes().filter((n) => !fresh.has(n.id())) as cytoscape.NodeCollection;
  const before = new Map(fixed.map((n) => [n.id(), { ...n.position() }] as const));
  const moving = cy.nodes().filter((n) => fresh.has(n.id())) as cytoscape.NodeCollection;
  const start = new Map(moving.map((n) => [n.id(), { ...n.position() }] as const));
  const fixedNodeConstraint = [...before].map(([nodeId, position]) => ({ nodeId, position }));
  // Compute without animation, then put the fixed nodes back exactly (fcose may shift the whole
  // drawing slightly) and animate only the new nodes from their ring positions to their places.
  cy.layout({ ...common, animate: false, randomize: false, quality: 'proof', fixedNodeConstraint } as unknown as cytoscape.LayoutOptions).run();
  let dx = 0;
  let dy = 0;
  for (const [id, p] of before) {
    const now = cy.getElementById(id).position();
    dx += now.x - p.x;
    dy += now.y - p.y;
  }
  dx /= Math.max(1, before.size);
  dy /= Math.max(1, before.size);
  cy.batch(() => {
    for (const [id, p] of before) cy.getElementById(id).position(p);
  });
  const animations = moving.map((n) => {
    const target = { x: n.position().x - dx, y: n.position().y - dy };
    if (!animate) {
      n.position(target);
      return Promise.resolve();
    }
    n.position(start.get(n.id()) ?? target);
    const options = { position: target, duration: DEFAULTS.animationMs, easing: 'ease-out' };
    return n.animation(options as unknown as Parameters<typeof n.animation>[0]).play().promise();
  });
  return Promise.all(animations).then(() => undefined);
}

/** Fits the given nodes (or everything) in view, never zooming in beyond DEFAULTS.maxFitZoom. */
export function fitTo(cy: Core, ids?: readonly string[]): void {
  const wanted = new Set(ids ?? []);
  const eles = wanted.size > 0 ? cy.nodes().filter((n) => wanted.has(n.id())) : cy.elements();
  if (eles.empty()) return;
  const from = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  cy.fit(eles, 60);
  if (cy.zoom() > DEFAULTS.maxFitZoom) {
    cy.zoom(DEFAULTS.maxFitZoom);
    cy.center(eles);
  }
  const to = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  cy.viewport(from);
  if (DEFAULTS.animationMs > 0) cy.animate(to, { duration: DEFAULTS.animationMs });
  else cy.viewport(to);
}

/**
 * Which edges show their label: all of them on a small graph, else only those touching the
 * selected node (selected and on-path edges always do, see the stylesheet). A UI-state class.
 */
export function updateEdgeLabels(cy: Core, selectedNodeId: string | null): void {
  const all = cy.edges().length <= DEFAULTS.edgeLabelsUpTo;
  cy.batch(() => {
    cy.edges().forEach((e) => {
      e.toggleClass('show-label', all || (selectedNodeId !== null && (e.source().id() === selectedNodeId || e.target().id() === selectedNodeId)));
    });
  });
}
