import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES } from '../../web/src/graph/layout-names.js';
import { decodePosition, decodeViewState, emptyViewState, encodePosition, encodeViewState, type ViewState } from '../../web/src/graph/view-state.js';

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'));
const uniq = <T>(arb: fc.Arbitrary<T[]>) => arb.map((xs) => [...new Set(xs)]);

const baseState = fc.record({
  actors: uniq(fc.array(slug, { maxLength: 12 })),
  selected: fc.option(fc.record({ kind: fc.constantFrom('node' as const, 'edge' as const), id: slug }), { nil: null }),
  filters: fc.record({
    kinds: uniq(fc.array(fc.constantFrom('Company', 'Person', 'MilitaryUnit', 'State'), { maxLength: 4 })),
    types: uniq(fc.array(fc.constantFrom('USES', 'PART_OF', 'PROVIDES_SERVICES_TO'), { maxLength: 3 })),
    statuses: uniq(fc.array(fc.constantFrom('active', 'ended', 'alleged', 'disputed'), { maxLength: 4 })),
    asOf: fc.option(fc.constantFrom('2025', '2025-09', '2024-02-29', '1999-12-31'), { nil: null }),
  }),
  path: fc.option(
    fc
      .record({ from: slug, to: slug, mode: fc.constantFrom('shortest' as const, 'allShortest' as const, 'k' as const), k: fc.integer({ min: 1, max: 10 }) })
      .filter((p) => p.from !== p.to)
      .map((p) => (p.mode === 'k' ? p : { ...p, k: 3 })),
    { nil: null },
  ),
});

/** Layout, pins (a subset of the actors) and whole-pixel positions (of a subset of the actors). */
const viewState: fc.Arbitrary<ViewState> = baseState.chain((base) =>
  fc
    .record({
      layout: fc.constantFrom(...LAYOUT_NAMES),
      pinned: fc.subarray(base.actors),
      placed: fc.subarray(base.actors),
      coords: fc.array(fc.record({ x: fc.integer({ min: -50_000, max: 50_000 }), y: fc.integer({ min: -50_000, max: 50_000 }) }), {
        minLength: base.actors.length,
        maxLength: base.actors.length,
      }),
    })
    .map(({ layout, pinned, placed, coords }) => ({
      ...base,
      layout,
      pinned,
      positions: Object.fromEntries(placed.map((id) => [id, coords[base.actors.indexOf(id)] as { x: number; y: number }])),
    })),
);

describe('view state in the URL', () => {
  it('round-trips: decode(encode(state)) equals state (property)', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        expect(decodeViewState(encodeViewState(state))).toEqual(state);
        expect(decodeViewState(`?${encodeViewState(state)}`)).toEqual(state);
      }),
    );
  });

  it('encodes a readable query string, and the empty view as ""', () => {
    expect(encodeViewState(emptyViewState())).toBe('');
    expect(
      encodeViewState({
        actors: ['unit-8200', 'microsoft'],
        selected: { kind: 'edge', id: 'microsoft-provides-services-to-unit-8200' },
        filters: { kinds: [], types: ['USES'], statuses: [], asOf: '2025-09' },
        path: { from: 'microsoft', to: 'idf', mode: 'k', k: 2 },
        layout: 'fcose',
        pinned: [],
        positions: {},
      }),
    ).toBe('a=unit-8200,microsoft&sel=e:microsoft-provides-services-to-unit-8200&types=USES&asOf=2025-09&path=microsoft,idf,k,2');
  });

  it('caps the number of actors written to the URL', () => {
    const state = { ...emptyViewState(), actors: ['a', 'b', 'c'] };
    expect(encodeViewState(state, 2)).toBe('a=a,b');
  });

  it('drops what is malformed and keeps the rest, never throwing', () => {
    const v = decodeViewState('?a=ok,Bad%20Id,,ok,also-ok&sel=x:foo&kinds=Company,<script>&status=ALLEGED,alleged&asOf=2025-13&path=a,a,shortest');
    expect(v.actors).toEqual(['ok', 'also-ok']);
    expect(v.selected).toBeNull();
    expect(v.filters.kinds).toEqual(['Company']);
    expect(v.filters.statuses).toEqual(['alleged']);
    expect(v.filters.asOf).toBeNull();
    expect(v.path).toBeNull();
    expect(decodeViewState('%%%&&&==')).toEqual(emptyViewState());
    expect(decodeViewState('')).toEqual(emptyViewState());
  });

  it('writes layout, pins and rounded positions compactly, in actor order', () => {
    const state: ViewState = {
      ...emptyViewState(),
      actors: ['unit-8200', 'microsoft', 'azure'],
      layout: 'concentric',
      pinned: ['microsoft'],
      positions: { 'unit-8200': { x: -100.4, y: 36.6 }, azure: { x: 0, y: 1295 } },
    };
    const query = encodeViewState(state);
    expect(query).toBe('a=unit-8200,microsoft,azure&layout=concentric&pin=microsoft&pos=-2s_11..0_zz');
    const back = decodeViewState(query);
    expect(back.layout).toBe('concentric');
    expect(back.pinned).toEqual(['microsoft']);
    expect(back.positions).toEqual({ 'unit-8200': { x: -100, y: 37 }, azure: { x: 0, y: 1295 } });
    expect(encodePosition({ x: -0.2, y: 0.4 })).toBe('0_0');
    expect(decodePosition('-0_0')).toEqual({ x: 0, y: 0 });
    expect(Object.is(decodePosition('-0_0')?.x, -0)).toBe(false);
  });

  it('drops positions beyond the length budget, keeping the actors and the first positions', () => {
    const actors = Array.from({ length: 90 }, (_, i) => `actor-number-${i}`);
    const positions = Object.fromEntries(actors.map((id, i) => [id, { x: i * 1000, y: 7 - i * 1000 }]));
    const query = encodeViewState({ ...emptyViewState(), actors, positions }, 200, 1900);
    expect(query.length).toBeLessThanOrEqual(1900);
    const back = decodeViewState(query);
    expect(back.actors).toEqual(actors);
    const kept = Object.keys(back.positions);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(actors.length);
    expect(kept).toEqual(actors.slice(0, kept.length));
    for (const id of kept) expect(back.positions[id]).toEqual(positions[id]);
    // Without a budget every position is written.
    expect(Object.keys(decodeViewState(encodeViewState({ ...emptyViewState(), actors, positions })).positions)).toHaveLength(90);
  });

  it('ignores an unknown layout, pins of actors not on the canvas and malformed positions', () => {
    const v = decodeViewState('?a=a,b,c&layout=cola&pin=b,zz&pos=1_2.x_%3C.ZZ_1.3_4.5_6');
    expect(v.layout).toBe('fcose');
    expect(v.pinned).toEqual(['b']);
    expect(v.positions).toEqual({ a: { x: 1, y: 2 } });
    expect(decodeViewState('?a=a&pos=zzzzzzz_1').positions).toEqual({});
  });

  it('decodes arbitrary strings without throwing (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => void decodeViewState(s)));
  });
});
