/**
 * Node positions of a view, computed on the server with headless Cytoscape (the explorer's fcose
 * settings), so the embed, the PNG and the SVG show the same picture and the embed bundle carries
 * no layout code. Layouts are seeded from the element ids: the same elements always get the same
 * picture. Stored positions (preset) are kept; nodes without one are placed around them.
 */
import { createHash } from 'node:crypto';
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CyElements } from '../contracts/elements.js';
import type { Position, ViewLayout } from './definition.js';

cytoscape.use(fcose);

/** Layout tuning; one comment per option. */
export const LAYOUT_DEFAULTS = {
  /** Node box used by the layout (px; the explorer draws 34 px nodes with a label below). */
  nodeSize: 34,
  /** fcose: preferred edge length (same as the explorer). */
  idealEdgeLength: 140,
  /** fcose: node repulsion (same as the explorer). */
  nodeRepulsion: 9000,
  /** fcose: separation between nodes in a constraint (same as the explorer). */
  nodeSeparation: 90,
  /** Spacing of the grid / circle layouts (px). */
  spacing: 60,
} as const;

/** A small seeded PRNG (mulberry32): fcose's randomisation becomes reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable fingerprint of the elements (ids only): the cache key of their layout. */
export function elementsFingerprint(elements: CyElements): string {
  const hash = createHash('sha256');
  for (const n of elements.nodes) hash.update(`n:${n.data.id}\n`);
  for (const e of elements.edges) hash.update(`e:${e.data.id}:${e.data.source}:${e.data.target}\n`);
  return hash.digest('base64url').slice(0, 22);
}

/** Runs `fn` with Math.random replaced by a PRNG seeded from `seed` (layouts run synchronously). */
function withSeededRandom<T>(seed: string, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(createHash('sha256').update(seed).digest().readUInt32LE(0));
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Positions of every node of `elements` under `layout`. */
export function computePositions(elements: CyElements, layout: ViewLayout): Record<string, Position> {
  const ids = elements.nodes.map((n) => n.data.id);
  const given = layout.positions ?? {};
  if (ids.length === 0) return {};
  if (layout.name === 'preset' && ids.every((id) => given[id])) {
    return Object.fromEntries(ids.map((id) => [id, given[id] as Position]));
  }
  const present = new Set(ids);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: LAYOUT_DEFAULTS.nodeSize, height: LAYOUT_DEFAULTS.nodeSize } }],
    elements: {
      nodes: elements.nodes.map((n) => ({ data: { id: n.data.id } })),
      edges: elements.edges
        .filter((e) => present.has(e.data.source) && present.has(e.data.target))
        .map((e) => ({ data: { id: e.data.id, source: e.data.source, target: e.data.target } })),
    },
  });
  try {
    withSeededRandom(elementsFingerprint(elements), () => {
      const common = {
        animate: false,
        fit: false,
        idealEdgeLength: () => LAYOUT_DEFAULTS.idealEdgeLength,
        nodeRepulsion: () => LAYOUT_DEFAULTS.nodeRepulsion,
        nodeSeparation: LAYOUT_DEFAULTS.nodeSeparation,
        packComponents: true,
        quality: 'proof',
      };
      if (layout.name === 'preset') {
        // Keep the stored positions; place the others (a live view that grew) around them.
        const fixed = ids.filter((id) => given[id]);
        const cx = fixed.reduce((s, id) => s + (given[id]?.x ?? 0), 0) / Math.max(1, fixed.length);
        const cyy = fixed.reduce((s, id) => s + (given[id]?.y ?? 0), 0) / Math.max(1, fixed.length);
        cy.nodes().forEach((n) => {
          const p = given[n.id()];
          n.position(p ? { ...p } : { x: cx + (Math.random() - 0.5) * 200, y: cyy + (Math.random() - 0.5) * 200 });
        });
        const fixedNodeConstraint = fixed.map((nodeId) => ({ nodeId, position: { ...(given[nodeId] as Position) } }));
        cy.layout({ name: 'fcose', ...common, randomize: false, fixedNodeConstraint } as unknown as LayoutOptions).run();
        // fcose may shift the whole drawing: put the fixed nodes back exactly.
        for (const id of fixed) cy.getElementById(id).position({ ...(given[id] as Position) });
      } else if (layout.name === 'fcose') {
        cy.layout({ name: 'fcose', ...common, randomize: true } as unknown as LayoutOptions).run();
      } else {
        // Headless Cytoscape has no viewport: give the layout a box that grows with the graph.
        const side = Math.ceil(Math.sqrt(ids.length)) * (LAYOUT_DEFAULTS.nodeSize + LAYOUT_DEFAULTS.spacing * 2);
        const boundingBox = { x1: 0, y1: 0, w: side, h: side };
        cy.layout({ name: layout.name, animate: false, fit: true, boundingBox, avoidOverlap: true, padding: 0 } as LayoutOptions).run();
      }
    });
    const out: Record<string, Position> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: round(p.x), y: round(p.y) };
    });
    return out;
  } finally {
    cy.destroy();
  }
}
