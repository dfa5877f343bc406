import { describe, expect, it } from 'vitest';
import type { CyElements } from '../../server/src/contracts/elements.js';
import { PLACEMENT_DEFAULTS, placeAroundStored } from '../../server/src/views/placement.js';

const node = (id: string) => ({ data: { id, label: id, kind: 'Company' as const, name: id, aliases: [], description: null, country: null, url: null, wikidata: null } });
const edge = (source: string, target: string) => ({
  data: { id: `${source}-${target}`, source, target, type: 'PARTNERS_WITH' as const, label: 'partners with', status: 'active' as const, since: null, until: null, summary: null, evidenceCount: 0 },
});
const graph = (ids: string[], links: Array<[string, string]>): CyElements => ({ nodes: ids.map(node), edges: links.map(([a, b]) => edge(a, b)) });
const dist = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);

describe('placeAroundStored (new nodes of a live view)', () => {
  const stored = { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 100, y: 150 } };

  it('keeps every stored position exactly', () => {
    expect(placeAroundStored(graph(['a', 'b', 'c'], [['a', 'b']]), stored)).toEqual(stored);
  });

  it('puts a new node beside its placed neighbours, clear of every other node, the same way every time', () => {
    const g = graph(['a', 'b', 'c', 'n'], [['a', 'b'], ['n', 'a'], ['n', 'b']]);
    const out = placeAroundStored(g, stored);
    expect(out).toEqual(placeAroundStored(g, stored));
    const n = out.n!;
    const centre = { x: 100, y: 0 };
    expect(dist(n, centre)).toBeLessThanOrEqual(PLACEMENT_DEFAULTS.distance * (1 + (PLACEMENT_DEFAULTS.rings - 1) * 0.5) + 0.1);
    for (const id of ['a', 'b', 'c']) expect(dist(n, out[id]!)).toBeGreaterThanOrEqual(PLACEMENT_DEFAULTS.clearance);
  });

  it('places a chain of new nodes outward from the stored ones, and unconnected new nodes on a row under the drawing', () => {
    const g = graph(['a', 'b', 'c', 'n1', 'n2', 'lone1', 'lone2'], [['a', 'n1'], ['n1', 'n2']]);
    const out = placeAroundStored(g, stored);
    expect(Object.keys(out).sort()).toEqual(['a', 'b', 'c', 'lone1', 'lone2', 'n1', 'n2']);
    expect(dist(out.n1!, out.a!)).toBeLessThan(dist(out.n2!, out.a!) + PLACEMENT_DEFAULTS.distance);
    expect(dist(out.n2!, out.n1!)).toBeLessThanOrEqual(PLACEMENT_DEFAULTS.distance * 4);
    const bottom = Math.max(...['a', 'b', 'c', 'n1', 'n2'].map((id) => out[id]!.y));
    expect(out.lone1!.y).toBeGreaterThan(bottom);
    expect(out.lone2!.y).toBe(out.lone1!.y);
    expect(out.lone2!.x - out.lone1!.x).toBe(PLACEMENT_DEFAULTS.rowSpacing);
  });
});
