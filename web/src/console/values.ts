/**
 * Reading result values (pure): recognising the tagged graph entities of the console API
 * ({"@node": …}, {"@relationship": …}, {"@path": …}), a short caption for each, and the text a
 * cell copies to the clipboard or writes to CSV.
 */
import type { NodeValue, PathValue, RelationshipValue, Value } from './types.js';

export type Tagged =
  | { tag: 'node'; node: NodeValue }
  | { tag: 'relationship'; relationship: RelationshipValue }
  | { tag: 'path'; path: PathValue };

function only(value: Value, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key ? value[key] : undefined;
}

/** The graph entity a value wraps, or null for plain values. */
export function tagged(value: Value): Tagged | null {
  const node = only(value, '@node') as NodeValue | undefined;
  if (node && Array.isArray(node.labels)) return { tag: 'node', node };
  const relationship = only(value, '@relationship') as RelationshipValue | undefined;
  if (relationship && typeof relationship.type === 'string') return { tag: 'relationship', relationship };
  const path = only(value, '@path') as PathValue | undefined;
  if (path && Array.isArray(path.nodes)) return { tag: 'path', path };
  return null;
}

/** Properties tried, in order, for a node's caption (actors have name, sources title, claims quote). */
export const CAPTION_KEYS = ['name', 'title', 'quote', 'id'] as const;

/** A node's caption: its name, title, quote or id property, else its element id. */
export function nodeCaption(node: NodeValue, max = 60): string {
  for (const key of CAPTION_KEYS) {
    const v = node.properties?.[key];
    if (typeof v === 'string' && v !== '') return v.length > max ? `${v.slice(0, max - 1)}…` : v;
  }
  return node.id;
}

/** Labels worth showing: `Actor` is implied by the kind label next to it, so it is left out. */
export function displayLabels(node: NodeValue): string[] {
  const labels = node.labels.filter((l) => l !== 'Actor');
  return labels.length > 0 ? labels : node.labels;
}

/** One-line reading of any value: `(:Company Microsoft)`, `[:PART_OF]`, lists and maps as JSON. */
export function valueText(value: Value): string {
  const t = tagged(value);
  if (t?.tag === 'node') return `(:${displayLabels(t.node).join(':')} ${nodeCaption(t.node)})`;
  if (t?.tag === 'relationship') return `[:${t.relationship.type}]`;
  if (t?.tag === 'path') {
    const steps = t.path.nodes.map((n) => `(${nodeCaption(n)})`);
    return steps.reduce((acc, step, i) => (i === 0 ? step : `${acc}-[:${t.path.relationships[i - 1]?.type ?? '?'}]-${step}`), '');
  }
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** What "copy" puts on the clipboard: strings as they are, everything else as indented JSON. */
export function copyText(value: Value): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value, null, 2);
}

/** A CSV cell: strings and scalars as they are, null empty, nested values JSON-encoded. */
export function csvCellText(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
