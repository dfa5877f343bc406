import { describe, expect, it } from 'vitest';
import { mergeElements, nodeIds, removeNodes, restrictTo, withPositions } from '../../web/src/graph/merge-elements.js';
import type { CyEdgeData, CyNodeData, GraphElements } from '../../web/src/graph/types.js';

const node = (id: string, extra: Partial<CyNodeData> = {}): { data: CyNodeData } => ({
  data: { id, label: id, kind: 'Company', name: id, aliases: [], description: null, country: null, url: null, wikidata: null, ...extra },
});
const edge = (id: string, source: string, target: string, extra: Partial<CyEdgeData> = {}): { data: CyEdgeData } => ({
  data: { id, source, target, type: 'USES', label: 'uses', status: 'active', since: null, until: null, summary: null, evidenceCount: 1, ...extra },
});
const empty: GraphElements = { nodes: [], edges: [] };

describe('mergeElements', () => {
  it('adds new nodes and edges in order and reports them', () => {
    const r = mergeElements(empty, { nodes: [node('a'), node('b')], edges: [edge('ab', 'a', 'b')] });
    expect(nodeIds(r.elements)).toEqual(['a', 'b']);
    expect(r.addedNodes).toEqual(['a', 'b']);
    expect(r.addedEdges).toEqual(['ab']);
  });

  it('keeps the existing copy (data and position) of an element already present', () => {
    const current: GraphElements = { nodes: [{ ...node('a', { name: 'Old' }), position: { x: 5, y: 6 } }], edges: [] };
    const r = mergeElements(current, { nodes: [node('a', { name: 'New' }), node('b')] });
    expect(r.elements.nodes[0]).toEqual({ ...node('a', { name: 'Old' }), position: { x: 5, y: 6 } });
    expect(r.addedNodes).toEqual(['b']);
  });

  it('counts duplicates inside the incoming set once', () => {
    const r = mergeElements(empty, { nodes: [node('a'), node('a'), node('b')], edges: [edge('ab', 'a', 'b'), edge('ab', 'a', 'b')] });
    expect(r.elements.nodes).toHaveLength(2);
    expect(r.elements.edges).toHaveLength(1);
  });

  it('drops edges whose ends are not both on the canvas', () => {
    const current: GraphElements = { nodes: [node('a')], edges: [] };
    const r = mergeElements(current, { nodes: [node('b')], edges: [edge('ab', 'a', 'b'), edge('ac', 'a', 'c')] });
    expect(r.elements.edges.map((e) => e.data.id)).toEqual(['ab']);
    expect(r.addedEdges).toEqual(['ab']);
  });

  it('accepts edges alone, connecting nodes already present', () => {
    const current: GraphElements = { nodes: [node('a'), node('b')], edges: [] };
    const r = mergeElements(current, { edges: [edge('ab', 'a', 'b')] });
    expect(r.addedNodes).toEqual([]);
    expect(r.addedEdges).toEqual(['ab']);
  });

  it('does not modify its inputs', () => {
    const current: GraphElements = { nodes: [node('a')], edges: [] };
    const incoming = { nodes: [node('b')], edges: [edge('ab', 'a', 'b')] };
    const before = structuredClone({ current, incoming });
    mergeElements(current, incoming);
    expect({ current, incoming }).toEqual(before);
  });

  it('is idempotent: merging the same elements twice adds nothing the second time', () => {
    const incoming = { nodes: [node('a'), node('b')], edges: [edge('ab', 'a', 'b')] };
    const once = mergeElements(empty, incoming);
    const twice = mergeElements(once.elements, incoming);
    expect(twice.elements).toEqual(once.elements);
    expect(twice.addedNodes).toEqual([]);
    expect(twice.addedEdges).toEqual([]);
  });
});

describe('removeNodes / restrictTo / withPositions', () => {
  const g = mergeElements(empty, {
    nodes: [node('a'), node('b'), node('c')],
    edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('ca', 'c', 'a')],
  }).elements;

  it('removeNodes removes the nodes and every edge touching them', () => {
    const r = removeNodes(g, ['b']);
    expect(nodeIds(r)).toEqual(['a', 'c']);
    expect(r.edges.map((e) => e.data.id)).toEqual(['ca']);
  });

  it('restrictTo keeps the given nodes in the given order and the edges between them', () => {
    const r = restrictTo(g, ['c', 'a', 'zzz']);
    expect(nodeIds(r)).toEqual(['c', 'a']);
    expect(r.edges.map((e) => e.data.id)).toEqual(['ca']);
  });

  it('withPositions records positions and leaves the rest alone', () => {
    const r = withPositions(g, new Map([['a', { x: 1, y: 2 }], ['nope', { x: 0, y: 0 }]]));
    expect(r.nodes[0]?.position).toEqual({ x: 1, y: 2 });
    expect(r.nodes[1]?.position).toBeUndefined();
    expect(r.edges).toBe(g.edges);
  });

  it('withPositions keeps a node whose position is unchanged as the same object (undo snapshots share it)', () => {
    const placed = withPositions(g, new Map([['a', { x: 1, y: 2 }], ['b', { x: 3, y: 4 }]]));
    const again = withPositions(placed, new Map([['a', { x: 1, y: 2 }], ['b', { x: 5, y: 4 }]]));
    expect(again.nodes[0]).toBe(placed.nodes[0]);
    expect(again.nodes[1]).not.toBe(placed.nodes[1]);
    expect(again.nodes[1]?.position).toEqual({ x: 5, y: 4 });
    expect(placed.nodes[1]?.position).toEqual({ x: 3, y: 4 });
  });
});
