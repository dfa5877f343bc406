/**
 * Result values as DOM (text only, never HTML): nodes as chips with their labels and caption,
 * relationships as `[:TYPE]`, paths as chains, lists and maps laid out readably, scalars plain.
 */
import { kindStyle } from '../graph/stylesheet.js';
import { h } from '../ui/dom.js';
import type { NodeValue, RelationshipValue, Value } from './types.js';
import { displayLabels, nodeCaption, tagged } from './values.js';

/** Strings longer than this (characters) are laid out as a paragraph with a minimum width. */
const LONG_TEXT = 60;

function nodeChip(node: NodeValue): HTMLElement {
  const labels = displayLabels(node);
  const color = kindStyle(labels[0] ?? '').color;
  return h(
    'span',
    { className: 'val-node', title: JSON.stringify(node.properties, null, 2) },
    h('span', { className: 'val-node__labels', style: `background:${color}` }, labels.join(' · ')),
    h('span', { className: 'val-node__caption' }, nodeCaption(node)),
  );
}

function relChip(rel: RelationshipValue): HTMLElement {
  return h('span', { className: 'val-rel', title: JSON.stringify(rel.properties, null, 2) }, `[:${rel.type}]`);
}

function scalar(value: null | boolean | number | string): HTMLElement {
  if (value === null) return h('span', { className: 'val-null' }, 'null');
  // Prose (summaries, quotes) gets a readable measure instead of being squeezed into a narrow column.
  if (typeof value === 'string') return h('span', { className: value.length > LONG_TEXT ? 'val-str val-str--long' : 'val-str' }, value);
  return h('span', { className: typeof value === 'number' ? 'val-num' : 'val-bool' }, String(value));
}

export function renderValue(value: Value, depth = 0): HTMLElement {
  const t = tagged(value);
  if (t?.tag === 'node') return nodeChip(t.node);
  if (t?.tag === 'relationship') return relChip(t.relationship);
  if (t?.tag === 'path') {
    const parts: HTMLElement[] = [];
    t.path.nodes.forEach((node, i) => {
      if (i > 0) {
        const rel = t.path.relationships[i - 1];
        parts.push(h('span', { className: 'val-arrow' }, '—'), rel ? relChip(rel) : h('span', {}, '?'), h('span', { className: 'val-arrow' }, '—'));
      }
      parts.push(nodeChip(node));
    });
    return h('span', { className: 'val-path' }, parts);
  }
  if (value === null || typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return h('span', { className: 'val-empty' }, '[ ]');
    return h('ol', { className: depth > 2 ? 'val-list val-list--flat' : 'val-list' }, value.map((v) => h('li', {}, renderValue(v, depth + 1))));
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return h('span', { className: 'val-empty' }, '{ }');
  return h(
    'dl',
    { className: 'val-map' },
    entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, renderValue(v, depth + 1))]),
  );
}
