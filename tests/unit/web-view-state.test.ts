import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeViewState, emptyViewState, encodeViewState, type ViewState } from '../../web/src/graph/view-state.js';

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'));
const uniq = <T>(arb: fc.Arbitrary<T[]>) => arb.map((xs) => [...new Set(xs)]);

const viewState: fc.Arbitrary<ViewState> = fc.record({
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

  it('decodes arbitrary strings without throwing (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => void decodeViewState(s)));
  });
});
