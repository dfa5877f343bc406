/**
 * The one Cytoscape stylesheet. It styles classes only (computed from data by graph/classes.ts,
 * plus the UI-state classes below), so display never depends on mutable data fields.
 *
 * UI-state classes (set by the app, not derived from data):
 *   `has-more`  the node's last expansion was truncated ("+N more" is offered)
 *   `pinned`    the user pinned the node: every layout keeps it in place (amber outline)
 *   `on-path`   part of the highlighted path;  `faded`  not part of it
 *   `show-label` the edge's label is drawn (all edges on a small graph, else the selection's)
 */
import type { EdgeSingular, StylesheetJson } from 'cytoscape';
import { edgeDisplayLabel } from './classes.js';
import { DEFAULTS } from './defaults.js';
import type { CyEdgeData } from './types.js';

export type NodeShape =
  | 'round-rectangle'
  | 'hexagon'
  | 'barrel'
  | 'diamond'
  | 'octagon'
  | 'star'
  | 'ellipse'
  | 'tag'
  | 'round-triangle'
  | 'pentagon'
  | 'rhomboid';

/** Colour and shape of each actor kind (colours keep ≥ 3:1 contrast on the white canvas). */
export const KIND_STYLES: Record<string, { color: string; shape: NodeShape }> = {
  Company: { color: '#2f6db3', shape: 'round-rectangle' },
  Organization: { color: '#1f8a7a', shape: 'hexagon' },
  GovernmentBody: { color: '#6b4bb0', shape: 'barrel' },
  MilitaryUnit: { color: '#b3313f', shape: 'diamond' },
  State: { color: '#85622b', shape: 'octagon' },
  Movement: { color: '#c26a00', shape: 'star' },
  Person: { color: '#c2417e', shape: 'ellipse' },
  Product: { color: '#4f7f1f', shape: 'tag' },
  Place: { color: '#4d6b7a', shape: 'round-triangle' },
  Group: { color: '#8a5fa8', shape: 'pentagon' },
  MediaOutlet: { color: '#3d4452', shape: 'rhomboid' },
};
export const UNKNOWN_KIND_STYLE = { color: '#7a8190', shape: 'ellipse' as NodeShape };

export function kindStyle(kind: string): { color: string; shape: NodeShape } {
  return KIND_STYLES[kind] ?? UNKNOWN_KIND_STYLE;
}

export const EDGE_COLORS = {
  active: '#6b7383',
  ended: '#9aa1ad',
  contested: '#b8560f',
  path: '#d61f69',
  selected: '#111827',
} as const;

/** Width of an edge with n claims (n is its evidence class, 1…DEFAULTS.evidenceClasses). */
export function edgeWidth(n: number): number {
  return Math.min(DEFAULTS.edgeWidthMax, DEFAULTS.edgeWidthBase + (n - 1) * DEFAULTS.edgeWidthStep);
}

const edgeLabel = (ele: EdgeSingular) => edgeDisplayLabel(ele.data() as CyEdgeData);

/** True when the canvas is zoomed out so far that arrowheads would be a few pixels wide. */
export function arrowsTooSmall(zoom: number): boolean {
  return zoom < DEFAULTS.arrowsFromZoom;
}

/**
 * Level of detail for the explorer's canvas (appended to buildStylesheet's rules): below
 * DEFAULTS.arrowsFromZoom, edges are drawn without arrowheads (blobs of 2–3 px there, and a
 * quarter of the drawing time of a large canvas). The value is read at styling time: the canvas
 * restyles its edges when the zoom crosses the threshold (graph/canvas.ts).
 */
export function zoomDetailStyles(): StylesheetJson {
  return [{ selector: 'edge', style: { 'target-arrow-shape': (ele: EdgeSingular) => (arrowsTooSmall(ele.cy().zoom()) ? 'none' : 'triangle') } }];
}

export function buildStylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: DEFAULTS.nodeSize,
        height: DEFAULTS.nodeSize,
        'background-color': UNKNOWN_KIND_STYLE.color,
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(label)',
        color: '#1d2330',
        'font-size': 12,
        'font-weight': 600,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': DEFAULTS.minZoomedFontSize,
        'overlay-padding': 6,
      },
    },
    ...Object.entries(KIND_STYLES).map(([kind, s]) => ({
      selector: `node.kind-${kind}`,
      style: { 'background-color': s.color, shape: s.shape },
    })),
    {
      selector: 'node.has-more',
      style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#1d2330' },
    },
    {
      selector: 'node.pinned',
      style: { 'outline-width': 3, 'outline-color': '#d98e04', 'outline-offset': 2, 'outline-style': 'solid' },
    },
    {
      selector: 'edge',
      style: {
        width: edgeWidth(1),
        'line-color': EDGE_COLORS.active,
        'target-arrow-color': EDGE_COLORS.active,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        'control-point-step-size': 36,
        label: '',
        'font-size': 10,
        color: '#3a4150',
        'text-rotation': 'autorotate',
        // Outlined text rather than a background box, so the line stays visible under its label.
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'text-outline-opacity': 0.95,
        'min-zoomed-font-size': DEFAULTS.minZoomedFontSize + 2,
      },
    },
    { selector: 'edge.show-label', style: { label: edgeLabel } },
    ...Array.from({ length: DEFAULTS.evidenceClasses }, (_, i) => ({
      selector: `edge.evidence-${i + 1}`,
      style: { width: edgeWidth(i + 1) },
    })),
    {
      selector: 'edge.ended',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 5], 'line-color': EDGE_COLORS.ended, 'target-arrow-color': EDGE_COLORS.ended },
    },
    {
      selector: 'edge.contested',
      style: {
        'line-style': 'dotted',
        'line-color': EDGE_COLORS.contested,
        'target-arrow-color': EDGE_COLORS.contested,
        color: '#8a3f0a',
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': EDGE_COLORS.selected, 'border-style': 'solid' },
    },
    {
      selector: 'edge:selected',
      style: {
        'line-color': EDGE_COLORS.selected,
        'target-arrow-color': EDGE_COLORS.selected,
        color: EDGE_COLORS.selected,
        'underlay-color': '#f5b301',
        'underlay-opacity': 0.45,
        'underlay-padding': 5,
        label: edgeLabel,
        'font-weight': 700,
        'z-index': 10,
      },
    },
    { selector: '.faded', style: { opacity: 0.25 } },
    {
      selector: 'node.on-path',
      style: { 'border-width': 4, 'border-color': EDGE_COLORS.path, opacity: 1 },
    },
    {
      selector: 'edge.on-path',
      style: {
        'line-color': EDGE_COLORS.path,
        'target-arrow-color': EDGE_COLORS.path,
        width: 5,
        opacity: 1,
        'z-index': 9,
        label: edgeLabel,
      },
    },
  ];
  return sheet;
}
