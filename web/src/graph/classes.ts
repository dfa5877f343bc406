/**
 * Display state derived from data: the Cytoscape classes of a node or an edge are computed here,
 * from the element's API data, and never written into the data. The stylesheet
 * (graph/stylesheet.ts) styles these classes.
 */
import { DEFAULTS } from './defaults.js';
import type { CyEdgeData, CyNodeData } from './types.js';

/** Statuses that rest on someone's word against someone else's: drawn dotted, badged "alleged". */
export const CONTESTED_STATUSES: ReadonlySet<string> = new Set(['alleged', 'disputed']);

export function isContested(status: string): boolean {
  return CONTESTED_STATUSES.has(status);
}

/** `kind-Company` … one class per actor kind. */
export function nodeClasses(data: Pick<CyNodeData, 'kind'>): string[] {
  return [`kind-${data.kind}`];
}

/** Evidence class 1…max: how many claims support the edge (max and more share the last class). */
export function evidenceClass(count: number, max: number = DEFAULTS.evidenceClasses): string {
  const n = Math.max(1, Math.min(max, Math.floor(Number.isFinite(count) ? count : 1)));
  return `evidence-${n}`;
}

/**
 * `status-<status>`, `evidence-<n>`, plus `contested` (alleged or disputed: dotted) or `ended`
 * (dashed). Order is stable so tests and snapshots can compare arrays.
 */
export function edgeClasses(
  data: Pick<CyEdgeData, 'status' | 'evidenceCount'>,
  max: number = DEFAULTS.evidenceClasses,
): string[] {
  const classes = [`status-${data.status}`, evidenceClass(data.evidenceCount, max)];
  if (isContested(data.status)) classes.push('contested');
  if (data.status === 'ended') classes.push('ended');
  return classes;
}

/** Both as the space-separated string Cytoscape takes. */
export function classString(classes: readonly string[]): string {
  return classes.join(' ');
}

/**
 * The label drawn on an edge: the vocabulary's reading of the type, qualified by its status so an
 * allegation never reads as a fact ("surveils (alleged)", "provides services to (ended)").
 */
export function edgeDisplayLabel(data: Pick<CyEdgeData, 'label' | 'status'>): string {
  return data.status === 'active' ? data.label : `${data.label} (${data.status})`;
}
