/** Graph element shapes used on the web side; the data shapes come from the API contracts. */
import type { CyEdgeData, CyNodeData } from '../../../server/src/contracts/elements.js';

export type { CyEdgeData, CyNodeData };

export interface Position {
  x: number;
  y: number;
}

/** A node as the explorer keeps it: the API's data, and where it sits once laid out. */
export interface GraphNode {
  data: CyNodeData;
  position?: Position;
}

export interface GraphEdge {
  data: CyEdgeData;
}

/** What is on the canvas: the single source the canvas is synced from (undo/redo snapshots it). */
export interface GraphElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const EMPTY_GRAPH: GraphElements = Object.freeze({ nodes: [], edges: [] }) as GraphElements;
