/**
 * Layouts: which are offered for a canvas of a given size and their Cytoscape options (pure, so the
 * choice is unit-tested; the full re-layout itself is graph/full-layout.ts). Also used inside the
 * layout worker, so nothing here may start a worker.
 *
 * Size rules (DEFAULTS): fcose runs at "proof" quality on small canvases, "default" above
 * `fcoseProofUpTo` nodes and "draft" above `fcoseDraftAbove`; dagre (layered) is offered only up to
 * `dagreMaxNodes` nodes, where it finishes in well under a second.
 */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { DEFAULTS } from './defaults.js';
import { DEFAULT_LAYOUT, LAYOUT_NAMES, type LayoutName } from './layout-names.js';
import type { Position } from './types.js';

cytoscape.use(dagre);
cytoscape.use(fcose);

export { DEFAULT_LAYOUT, LAYOUT_NAMES, type LayoutName };

export interface LayoutInfo {
  /** What the picker shows. */
  label: string;
  /** Largest canvas (nodes) the layout is offered for. */
  maxNodes: number;
}

export const LAYOUTS: Record<LayoutName, LayoutInfo> = {
  fcose: { label: 'Force-directed (fcose)', maxNodes: Infinity },
  concentric: { label: 'Concentric (most connected in the middle)', maxNodes: Infinity },
  breadthfirst: { label: 'Hierarchy (breadth-first)', maxNodes: Infinity },
  dagre: { label: 'Layered (dagre)', maxNodes: DEFAULTS.dagreMaxNodes },
  grid: { label: 'Grid', maxNodes: Infinity },
};

/** Whether `name` is offered for a canvas of `nodeCount` nodes. */
export function layoutAvailable(name: LayoutName, nodeCount: number): boolean {
  return nodeCount <= LAYOUTS[name].maxNodes;
}

/** The layout actually run: the chosen one when available at this size, else the default. */
export function effectiveLayout(name: LayoutName, nodeCount: number): LayoutName {
  return layoutAvailable(name, nodeCount) ? name : DEFAULT_LAYOUT;
}

export type FcoseQuality = 'draft' | 'default' | 'proof';

/** fcose's quality by canvas size: better pictures on small canvases, never a frozen page on large ones. */
export function fcoseQuality(nodeCount: number): FcoseQuality {
  if (nodeCount > DEFAULTS.fcoseDraftAbove) return 'draft';
  if (nodeCount > DEFAULTS.fcoseProofUpTo) return 'default';
  return 'proof';
}

/** Options shared by every fcose run (full and incremental). */
export function fcoseBase(nodeCount: number): Record<string, unknown> {
  return {
    name: 'fcose',
    quality: fcoseQuality(nodeCount),
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: nodeCount <= DEFAULTS.fcoseProofUpTo,
    idealEdgeLength: () => 140,
    nodeRepulsion: () => 9000,
    nodeSeparation: 90,
    packComponents: true,
  };
}

/**
 * Cytoscape options for a full layout of `nodeCount` nodes with `pinned` nodes fixed. Computed
 * without animation and without fitting: the runner animates and fits afterwards.
 */
export function layoutOptions(name: LayoutName, nodeCount: number, pinned: readonly { nodeId: string; position: Position }[] = []): Record<string, unknown> {
  // Labels count as part of a node, so names do not overlap (every built-in layout reads this).
  const common = { animate: false, fit: false, padding: 40, nodeDimensionsIncludeLabels: true };
  switch (effectiveLayout(name, nodeCount)) {
    case 'fcose':
      return {
        ...fcoseBase(nodeCount),
        // A fresh start even with pinned nodes (fcose places them by its fixedNodeConstraint after its
        // spectral draft): started from the current positions instead, fcose collapsed a 600-actor
        // grid onto one line and took 10× longer (tests/unit/web-layout-job.test.ts).
        randomize: true,
        ...(pinned.length > 0 ? { fixedNodeConstraint: pinned.map((p) => ({ nodeId: p.nodeId, position: { ...p.position } })) } : {}),
      };
    case 'concentric':
      return {
        ...common,
        name: 'concentric',
        concentric: (n: NodeSingular) => n.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 40,
        avoidOverlap: true,
      };
    case 'breadthfirst':
      return { ...common, name: 'breadthfirst', directed: true, spacingFactor: 1.1, avoidOverlap: true };
    case 'dagre':
      return { ...common, name: 'dagre', rankDir: 'TB', nodeSep: 50, rankSep: 90, edgeSep: 10 };
    case 'grid':
      return { ...common, name: 'grid', avoidOverlap: true, avoidOverlapPadding: 30, condense: true };
  }
}
