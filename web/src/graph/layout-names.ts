/**
 * The layouts the explorer offers, by name (shared by the URL state, the picker and the layout
 * runner). Kept apart from graph/layouts.ts so the pure URL code does not import Cytoscape.
 */
export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'dagre', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** fcose: force-directed, suits this graph's size and shape. */
export const DEFAULT_LAYOUT: LayoutName = 'fcose';

export function isLayoutName(value: string): value is LayoutName {
  return (LAYOUT_NAMES as readonly string[]).includes(value);
}
