/**
 * The explorer's API client: typed GETs of /api (types imported from the server's contracts,
 * type-only, so no server code reaches the bundle). Errors carry the API's message for the page.
 */
import type { ActorDetail } from '../../server/src/contracts/actors.js';
import type { GraphSchema } from '../../server/src/contracts/graph-schema.js';
import type { NeighborhoodResult, PathsResult, TimelineResult } from '../../server/src/contracts/graph.js';
import type { RankedActors } from '../../server/src/contracts/actor-ranking.js';
import type { RelationshipDetail } from '../../server/src/contracts/relationships.js';
import type { SearchResult } from '../../server/src/contracts/search.js';

export type { ActorDetail, GraphSchema, NeighborhoodResult, PathsResult, RelationshipDetail, SearchResult };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly missing: string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | readonly string[] | null | undefined>;

function url(path: string, query: Query = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) parts.push(`${key}=${value.map((v: string) => encodeURIComponent(v)).join(',')}`);
    } else {
      parts.push(`${key}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url(path, query), { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('The Sightline server is not answering.', 0, 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as
    | { data?: T; error?: { code?: string; message?: string; missing?: string[] } }
    | null;
  if (!response.ok || !body || body.data === undefined) {
    throw new ApiError(
      body?.error?.message ?? `The server answered ${response.status}.`,
      response.status,
      body?.error?.code ?? 'HTTP',
      body?.error?.missing ?? [],
    );
  }
  return body.data;
}

export interface GraphQueryFilters {
  kinds?: readonly string[];
  types?: readonly string[];
  asOf?: string | null;
}

export const api = {
  health: async (): Promise<{ status: string; neo4j: { version: string; edition: string; mode: string } | null; error?: { message: string } }> => {
    const response = await fetch('/api/health', { headers: { accept: 'application/json' } });
    return (await response.json()) as never;
  },
  search: (q: string, limit: number, signal?: AbortSignal) => getJson<SearchResult>('/api/search', { q, limit }, signal),
  schema: () => getJson<GraphSchema>('/api/schema'),
  actor: (id: string) => getJson<ActorDetail>(`/api/actors/${encodeURIComponent(id)}`),
  relationship: (id: string) => getJson<RelationshipDetail>(`/api/relationships/${encodeURIComponent(id)}`),
  actorNeighborhood: (id: string, options: GraphQueryFilters & { depth: number; limit: number }) =>
    getJson<NeighborhoodResult>(`/api/actors/${encodeURIComponent(id)}/neighborhood`, {
      depth: options.depth,
      limit: options.limit,
      kinds: options.kinds,
      types: options.types,
      asOf: options.asOf,
    }),
  neighborhood: (ids: readonly string[], options: GraphQueryFilters & { depth: number; limit: number }) =>
    getJson<NeighborhoodResult>('/api/neighborhood', {
      ids,
      depth: options.depth,
      limit: options.limit,
      kinds: options.kinds,
      types: options.types,
      asOf: options.asOf,
    }),
  paths: (q: { from: string; to: string; mode: string; k?: number; maxHops?: number; types?: readonly string[]; asOf?: string | null }) =>
    getJson<PathsResult>('/api/paths', { from: q.from, to: q.to, mode: q.mode, k: q.mode === 'k' ? q.k : undefined, maxHops: q.maxHops, types: q.types, asOf: q.asOf }),
  /** The most connected actors (the empty canvas's starting points). */
  mostConnected: (limit: number) => getJson<RankedActors>('/api/actors', { sort: 'degree', limit }),
  /** Dated relationships (and sources) in date order: the "as of" slider's dates. */
  timeline: (ids?: readonly string[]) => getJson<TimelineResult>('/api/timeline', { ids, limit: 5000 }),
};
