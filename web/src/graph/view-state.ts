/**
 * The view in the URL: which actors are on the canvas, what is selected, the filters and the
 * path query. Pure encode/decode of the query string, so a reload or a shared link restores the
 * view and the browser's back/forward walks through it.
 *
 *   ?a=unit-8200,microsoft&sel=e:microsoft-provides-services-to-unit-8200
 *    &kinds=Company,MilitaryUnit&types=PROVIDES_SERVICES_TO&status=active,ended&asOf=2025-09
 *    &path=microsoft,palestinian-civilians,k,3
 *
 * decode never throws: anything malformed (a bad id, an unknown mode) is dropped, the rest kept.
 */
export type PathMode = 'shortest' | 'allShortest' | 'k';

export interface ViewFilters {
  /** Actor kinds to include when growing the graph (empty: all). */
  kinds: string[];
  /** Relationship types to follow and show (empty: all). */
  types: string[];
  /** Relationship statuses to show (empty: all). */
  statuses: string[];
  /** Only relationships that hold on this date (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  asOf: string | null;
}

export interface ViewState {
  /** Actor ids on the canvas, in the order they came. */
  actors: string[];
  selected: { kind: 'node' | 'edge'; id: string } | null;
  filters: ViewFilters;
  path: { from: string; to: string; mode: PathMode; k: number } | null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KIND = /^[A-Z][A-Za-z]*$/;
const TYPE = /^[A-Z][A-Z0-9_]*$/;
const STATUS = /^[a-z]+$/;
const PARTIAL_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const MODES: readonly PathMode[] = ['shortest', 'allShortest', 'k'];

export function emptyFilters(): ViewFilters {
  return { kinds: [], types: [], statuses: [], asOf: null };
}

export function emptyViewState(): ViewState {
  return { actors: [], selected: null, filters: emptyFilters(), path: null };
}

function list(value: string | null, pattern: RegExp, max = Infinity): string[] {
  if (!value) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of value.split(',')) {
    const v = part.trim();
    if (!pattern.test(v) || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

/** The query string (without `?`) for a view; empty parts are left out, so the empty view is "". */
export function encodeViewState(state: ViewState, maxActors = Infinity): string {
  const parts: string[] = [];
  const add = (key: string, values: readonly string[]) => {
    if (values.length > 0) parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  };
  add('a', state.actors.slice(0, maxActors));
  if (state.selected) parts.push(`sel=${state.selected.kind === 'node' ? 'n' : 'e'}:${encodeURIComponent(state.selected.id)}`);
  add('kinds', state.filters.kinds);
  add('types', state.filters.types);
  add('status', state.filters.statuses);
  if (state.filters.asOf) parts.push(`asOf=${encodeURIComponent(state.filters.asOf)}`);
  if (state.path) {
    const p = state.path;
    add('path', p.mode === 'k' ? [p.from, p.to, p.mode, String(p.k)] : [p.from, p.to, p.mode]);
  }
  return parts.join('&');
}

/** Reads a view from a query string (with or without `?`). */
export function decodeViewState(search: string): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return emptyViewState();
  }
  const state = emptyViewState();
  state.actors = list(params.get('a'), SLUG);
  const sel = /^([ne]):(.+)$/.exec(params.get('sel') ?? '');
  if (sel && SLUG.test(sel[2] ?? '')) state.selected = { kind: sel[1] === 'n' ? 'node' : 'edge', id: sel[2] as string };
  state.filters.kinds = list(params.get('kinds'), KIND);
  state.filters.types = list(params.get('types'), TYPE);
  state.filters.statuses = list(params.get('status'), STATUS);
  const asOf = params.get('asOf');
  if (asOf && PARTIAL_DATE.test(asOf)) state.filters.asOf = asOf;
  const path = (params.get('path') ?? '').split(',');
  const [from, to, mode, k] = path;
  if (from && to && from !== to && SLUG.test(from) && SLUG.test(to) && MODES.includes(mode as PathMode)) {
    const kn = Number(k);
    state.path = {
      from,
      to,
      mode: mode as PathMode,
      k: mode === 'k' && Number.isInteger(kn) && kn >= 1 && kn <= 10 ? kn : 3,
    };
  }
  return state;
}

/** True when two views would encode the same (used to avoid pushing duplicate history entries). */
export function sameViewState(a: ViewState, b: ViewState): boolean {
  return encodeViewState(a) === encodeViewState(b);
}
