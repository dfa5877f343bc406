/**
 * "Save as view": hands the console's graph result to the views/embeds feature (POST /api/views),
 * laid out where its actors are on the console's canvas: a result of a saved query (the sidebar's
 * form) is saved as a query view (the query's id and parameters: a live view runs it again), the
 * editor's own text as a view of the result's actors. When the server has
 * no views feature (404 ROUTE_NOT_FOUND) the user is told so. Isolated here on purpose: the
 * views API is another module's, and this is the only place that knows its request shape.
 */
import type { Core } from 'cytoscape';
import { csrfHeaders, currentUser, refreshAuth } from '../ui/login.js';
import { consoleApi, ConsoleApiError } from './api.js';
import { actorIds } from './explorer-link.js';
import type { GraphElements } from '../graph/types.js';

export const VIEWS_UNAVAILABLE = 'Views are not available on this server.';

/** Most actors one view may name (the views API refuses more: VIEW_LIMITS.actorsMax). */
export const VIEW_MAX_ACTORS = 200;

export interface SavedView {
  id: string | null;
  /** Where the saved view can be opened, when the server says. */
  url: string | null;
  /** The embeddable page (iframe src), when the server says. */
  embedUrl: string | null;
}

/** A run of a saved query: which one, with which parameters. */
export interface SavedQueryRun {
  queryId: string;
  params: Record<string, unknown>;
}

export function viewRequest(title: string, elements: GraphElements, cy: Core | null, source: SavedQueryRun | null = null): unknown {
  const ids = actorIds(elements).slice(0, VIEW_MAX_ACTORS);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const id of ids) {
    const node = cy?.getElementById(id);
    if (node && node.nonempty()) {
      const p = node.position();
      positions[id] = { x: Math.round(p.x), y: Math.round(p.y) };
    }
  }
  return {
    title,
    mode: 'live',
    definition: source ? { kind: 'query', queryId: source.queryId, params: source.params } : { kind: 'actors', actorIds: ids, depth: 0 },
    layout: { name: 'preset', positions },
  };
}

function urlField(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  return typeof v === 'string' && v !== '' ? new URL(v, window.location.origin).href : null;
}

export async function saveView(title: string, elements: GraphElements, cy: Core | null, source: SavedQueryRun | null = null): Promise<SavedView> {
  try {
    // A logged-in editor's cookie write needs its CSRF token (SIGHTLINE_VIEWS_REQUIRE_AUTH); this
    // page has no login control, so ask who is logged in first (anonymous: no header).
    if (!currentUser()) await refreshAuth().catch(() => null);
    const data = await consoleApi.post<Record<string, unknown>>('/api/views', viewRequest(title, elements, cy, source), csrfHeaders());
    return { id: typeof data.id === 'string' ? data.id : null, url: urlField(data, 'url'), embedUrl: urlField(data, 'embedUrl') };
  } catch (error) {
    if (error instanceof ConsoleApiError && error.status === 404 && (error.code === 'ROUTE_NOT_FOUND' || error.code === 'HTTP')) {
      throw new ConsoleApiError(VIEWS_UNAVAILABLE, 404, 'VIEWS_UNAVAILABLE');
    }
    throw error;
  }
}
