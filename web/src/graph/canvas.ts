/**
 * The Cytoscape canvas: created once, then synced from the GraphElements the app holds (undo,
 * redo, URL restores all go through `syncCanvas`). Classes come from graph/classes.ts.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { classString, edgeClasses, nodeClasses } from './classes.js';
import { DEFAULTS } from './defaults.js';
import { boxAround } from './fit-view.js';
import { runFullLayout } from './full-layout.js';
import { DEFAULT_LAYOUT, fcoseBase, type LayoutName } from './layouts.js';
import { keepLayerCacheWarm } from './layer-cache.js';
import { patchLayerOnChange } from './layer-patch.js';
import { warmTexturesBeforeFrames } from './texture-warm.js';
import { freeSpotsAround } from './placement.js';
import { decideRenderer, probeWebgl, rendererOverride, type RendererDecision } from './renderer.js';
import { buildStylesheet, zoomDetailStyles } from './stylesheet.js';
import type { GraphElements, Position } from './types.js';
import { restyleEdgesAcrossZoom } from './zoom-styles.js';

declare global {
  interface Window {
    /** Which renderer the canvas uses and why (graph/renderer.ts), for power users and tests. */
    sightlineRenderer?: RendererDecision;
  }
}

export function createCanvas(container: HTMLElement, decision: RendererDecision = decideRenderer(probeWebgl(), rendererOverride(window.location.search))): Core {
  window.sightlineRenderer = decision;
  const cy = cytoscape({
    container,
    style: [...buildStylesheet(), ...zoomDetailStyles()],
    minZoom: 0.05,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // WebGL only on a real GPU (see graph/renderer.ts); the 2D canvas otherwise.
    ...(decision.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  restyleEdgesAcrossZoom(cy);
  keepLayerCacheWarm(cy);
  // `?layer-patch=off` leaves every change to Cytoscape (the benchmark's baseline for expansions).
  const params = new URLSearchParams(window.location.search);
  if (params.get('layer-patch') !== 'off') patchLayerOnChange(cy);
  // `?texture-warm=off` lets frames draw missing element bitmaps as they go (the benchmark's baseline for re-layouts).
  if (params.get('texture-warm') !== 'off') warmTexturesBeforeFrames(cy);
  return cy;
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
        // Only a node that really moves is touched: setting a position dirties the node's and its
        // edges' bounds and styles, and doing it to every node made each change of a large canvas
        // redraw it from scratch.
        if (node.position) {
          const p = existing.position();
          if (p.x !== node.position.x || p.y !== node.position.y) existing.position(node.position);
        }
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
  // Start the ring on the side facing away from the rest of the graph (its mean position: a plain
  // loop, where a bounding box would measure every label of a large canvas).
  const fresh = new Set(newIds);
  let sx = 0;
  let sy = 0;
  let count = 0;
  cy.nodes().forEach((x) => {
    if (fresh.has(x.id()) || x.id() === centreId) return;
    const p = x.position();
    sx += p.x;
    sy += p.y;
    count++;
  });
  const start = count > 0 ? Math.atan2(c.y - sy / count, c.x - sx / count) - Math.PI / 2 : 0;
  newIds.forEach((id, i) => {
    const angle = start + (Math.PI * 2 * (i + 0.5)) / Math.max(n, 1);
    cy.getElementById(id).position({ x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  });
}

/**
 * Puts the nodes an expansion of `centreId` added where they belong. On a large canvas
 * (DEFAULTS.placeWithoutLayoutAbove) they go to the free spots nearest the expanded node and no
 * layout runs (an fcose run, even a local one, took a large part of a second there); otherwise
 * they start on a ring around it and an incremental fcose run settles them (`runLayout`).
 */
export function placeAdded(cy: Core, centreId: string | undefined, newIds: readonly string[], opts: { layout?: LayoutName; pinned?: ReadonlySet<string> } = {}): Promise<void> {
  if (newIds.length === 0) return Promise.resolve();
  const centre = centreId ? cy.getElementById(centreId) : cy.collection();
  // One pass over the canvas: each cy.nodes() filters every element into a new collection.
  const nodes = cy.nodes();
  if (centre.nonempty() && nodes.length > DEFAULTS.placeWithoutLayoutAbove) {
    const fresh = new Set(newIds);
    const occupied: Position[] = [];
    nodes.forEach((n) => {
      if (!fresh.has(n.id())) occupied.push(n.position());
    });
    const spots = freeSpotsAround({ ...centre.position() }, occupied, newIds.length, DEFAULTS.placementGap);
    cy.batch(() => {
      newIds.forEach((id, i) => cy.getElementById(id).position(spots[i] as Position));
    });
    return Promise.resolve();
  }
  if (centreId) ringAround(cy, centreId, newIds);
  return runLayout(cy, newIds, opts);
}

/**
 * Lays out: the whole graph with the chosen layout (first load, restore, "Re-layout"; pinned nodes
 * stay put), or only the new nodes with every other node fixed where it is (fcose
 * fixedNodeConstraint), so an expansion never reshuffles the picture. On a large canvas the
 * incremental layout runs on the new nodes and the canvas nodes they touch only (those fixed),
 * so its cost depends on the expansion, not on the canvas.
 */
export function runLayout(cy: Core, newIds: readonly string[] | 'all', opts: { layout?: LayoutName; pinned?: ReadonlySet<string> } = {}): Promise<void> {
  if (cy.nodes().empty()) return Promise.resolve();
  if (newIds === 'all') return runFullLayout(cy, opts.layout ?? DEFAULT_LAYOUT, opts.pinned ?? new Set()).then(() => undefined);
  const fresh = new Set(newIds);
  if (fresh.size === 0) return Promise.resolve();
  const moving = cy.nodes().filter((n) => fresh.has(n.id())) as cytoscape.NodeCollection;
  const local = cy.nodes().length > DEFAULTS.localLayoutAbove;
  // The nodes the layout sees: everything, or (large canvas) the new nodes and their neighbours.
  const scope = local ? moving.union(moving.neighborhood('node')) : cy.nodes();
  const fixed = scope.filter((n) => !fresh.has(n.id())) as cytoscape.NodeCollection;
  const before = new Map(fixed.map((n) => [n.id(), { ...n.position() }] as const));
  const start = new Map(moving.map((n) => [n.id(), { ...n.position() }] as const));
  const fixedNodeConstraint = [...before].map(([nodeId, position]) => ({ nodeId, position }));
  const eles = scope.union(scope.edgesWith(scope));
  // Compute without animation, then put the fixed nodes back exactly (fcose may shift the whole
  // drawing slightly) and animate only the new nodes from their ring positions to their places.
  eles
    .layout({ ...fcoseBase(scope.length), randomize: false, fixedNodeConstraint } as unknown as cytoscape.LayoutOptions)
    .run();
  let dx = 0;
  let dy = 0;
  for (const [id, p] of before) {
    const now = cy.getElementById(id).position();
    dx += now.x - p.x;
    dy += now.y - p.y;
  }
  dx /= Math.max(1, before.size);
  dy /= Math.max(1, before.size);
  const animate = DEFAULTS.animationMs > 0 && cy.nodes().length <= DEFAULTS.animateUpTo;
  const targets = new Map(moving.map((n) => [n.id(), { x: n.position().x - dx, y: n.position().y - dy }] as const));
  cy.batch(() => {
    for (const [id, p] of before) cy.getElementById(id).position(p);
    moving.forEach((n) => {
      n.position(animate ? (start.get(n.id()) ?? (targets.get(n.id()) as Position)) : (targets.get(n.id()) as Position));
    });
  });
  if (!animate) return Promise.resolve();
  const animations = moving.map((n) => {
    const options = { position: targets.get(n.id()), duration: DEFAULTS.animationMs, easing: 'ease-out' };
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
  // On a large canvas, fit the nodes' boxes from their positions and sizes: Cytoscape's bounding
  // box would measure every label and, after a layout, every edge's path (0.7 s at 5k actors),
  // work the next frame does anyway.
  const large = cy.nodes().length > DEFAULTS.animateUpTo;
  const nodes = eles.nodes();
  const box = large && nodes.nonempty() ? boxAround(nodes.map((n) => n.position()), nodes.map((n) => ({ w: n.outerWidth(), h: n.outerHeight() }))) : null;
  cy.fit(box ? ({ ...box, w: box.x2 - box.x1, h: box.y2 - box.y1 } as unknown as cytoscape.CollectionArgument) : eles, DEFAULTS.fitPadding);
  if (cy.zoom() > DEFAULTS.maxFitZoom) {
    cy.zoom(DEFAULTS.maxFitZoom);
    cy.center(eles);
  }
  const to = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  cy.viewport(from);
  if (DEFAULTS.animationMs > 0 && cy.nodes().length <= DEFAULTS.animateUpTo) cy.animate(to, { duration: DEFAULTS.animationMs });
  else cy.viewport(to);
}

/**
 * Gives `className` to exactly the nodes in `ids`, touching only those whose class changes (a
 * large canvas is not restyled for a class a handful of nodes carry).
 */
export function setClassOn(cy: Core, className: string, ids: ReadonlySet<string>): void {
  cy.batch(() => {
    cy.nodes(`.${className}`).forEach((n) => {
      if (!ids.has(n.id())) n.removeClass(className);
    });
    for (const id of ids) {
      const n = cy.getElementById(id);
      if (n.nonempty() && !n.hasClass(className)) n.addClass(className);
    }
  });
}

/**
 * Which edges show their label: all of them on a small graph, else only those touching the
 * selected node (selected and on-path edges always do, see the stylesheet). A UI-state class;
 * only the edges whose state changes are touched.
 */
export function updateEdgeLabels(cy: Core, selectedNodeId: string | null): void {
  const all = cy.edges().length <= DEFAULTS.edgeLabelsUpTo;
  const selected = selectedNodeId === null ? cy.collection() : cy.getElementById(selectedNodeId).connectedEdges();
  const wanted = all ? cy.edges() : selected;
  cy.batch(() => {
    cy.edges('.show-label').difference(wanted).removeClass('show-label');
    wanted.filter((e) => !e.hasClass('show-label')).addClass('show-label');
  });
}
