/**
 * The view in the URL: which actors are on the canvas, what is selected, the filters and the
 * path query. Pure encode/decode of the query string, so a reload or a shared link restores the
 * view and the browser's back/forward walks through it.
 *
 *   ?a=unit-8200,microsoft&sel=e:microsoft-provides-services-to-unit-8200
 *    &kinds=Company,MilitaryUnit&types=PROVIDES_SERVICES_TO&status=active,ended&asOf=2025-09
 *    &path=microsoft,palestinian-civilians,k,3
 *    &layout=concentric&pin=microsoft&pos=-2s_1k.3c_-a..f_0
 *
 * `pos` holds the rounded canvas positions of the actors, in the order of `a`: one `x_y` pair per
 * actor, each number in base 36 with an optional `-`, pairs separated by `.`; an empty pair means
 * "no recorded position" (that actor is placed by the layout on restore). Positions are written
 * only while the query stays within a length budget (see encodeViewState's `maxChars`): the
 * actors whose positions do not fit are laid out again on restore, the rest come back in place.
 *
 * decode never throws: anything malformed (a bad id, an unknown mode) is dropped, the rest kept.
 */
import { isLayoutName, DEFAULT_LAYOUT, type LayoutName } from './layout-names.js';
import type { Position } from './types.js';

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
  /** The layout the picker shows and a full re-layout uses. */
  layout: LayoutName;
  /** Actors kept in place by every layout (a UI state, not data). */
  pinned: string[];
  /** Rounded canvas positions by actor id (only actors in `actors`). */
  positions: Record<string, Position>;
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
  return { actors: [], selected: null, filters: emptyFilters(), path: null, layout: DEFAULT_LAYOUT, pinned: [], positions: {} };
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

/** Largest |coordinate| accepted from a URL (anything beyond is treated as malformed). */
const MAX_COORD = 1e7;

/** One position as `x_y` in base 36, rounded to whole pixels. */
export function encodePosition(p: Position): string {
  return `${Math.round(p.x).toString(36)}_${Math.round(p.y).toString(36)}`;
}

/** Reads an `x_y` pair; null when malformed. */
export function decodePosition(pair: string): Position | null {
  const m = /^(-?[0-9a-z]{1,6})_(-?[0-9a-z]{1,6})$/.exec(pair);
  if (!m) return null;
  const x = parseInt(m[1] as string, 36);
  const y = parseInt(m[2] as string, 36);
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > MAX_COORD || Math.abs(y) > MAX_COORD) return null;
  // Normalise -0 to 0 so a decoded position compares equal to what was rounded.
  return { x: x + 0, y: y + 0 };
}

/**
 * The query string (without `?`) for a view; empty parts are left out, so the empty view is "".
 * At most `maxActors` actors are written; positions are appended (in actor order) only while the
 * whole query stays within `maxChars` characters, so a large canvas keeps a shareable URL.
 */
export function encodeViewState(state: ViewState, maxActors = Infinity, maxChars = Infinity): string {
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
  if (state.layout !== DEFAULT_LAYOUT) parts.push(`layout=${state.layout}`);
  const actors = new Set(state.actors.slice(0, maxActors));
  add('pin', state.pinned.filter((id) => actors.has(id)));
  const base = parts.join('&');
  const pairs: string[] = [];
  // Budget: the base query, "&pos=", and the pairs with their separators.
  let length = base.length + 5;
  let lastWithPosition = -1;
  for (const id of [...actors]) {
    const p = state.positions[id];
    const pair = p ? encodePosition(p) : '';
    const extra = pair.length + (pairs.length > 0 ? 1 : 0);
    if (length + extra > maxChars) break;
    pairs.push(pair);
    length += extra;
    if (p) lastWithPosition = pairs.length - 1;
  }
  const pos = pairs.slice(0, lastWithPosition + 1);
  return pos.length > 0 ? `${base}${base ? '&' : ''}pos=${pos.join('.')}` : base;
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
  const layout = params.get('layout');
  if (layout && isLayoutName(layout)) state.layout = layout;
  const onCanvas = new Set(state.actors);
  state.pinned = list(params.get('pin'), SLUG).filter((id) => onCanvas.has(id));
  const pos = params.get('pos');
  if (pos) {
    pos.split('.').forEach((pair, i) => {
      const id = state.actors[i];
      const p = id ? decodePosition(pair) : null;
      if (id && p) state.positions[id] = p;
    });
  }
  return state;
}

/** True when two views would encode the same (used to avoid pushing duplicate history entries). */
export function sameViewState(a: ViewState, b: ViewState): boolean {
  return encodeViewState(a) === encodeViewState(b);
}
