import type { ExportFile, ExportGraph } from './model.js';

/** Format marker and version of Sightline's own JSON, for the future import to check. */
export const SIGHTLINE_JSON_FORMAT = 'sightline-graph';
export const SIGHTLINE_JSON_VERSION = 1;

/** Drops null/undefined values: stored optional properties are absent, not null. */
function compact<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/**
 * Sightline's own JSON, lossless for what Sightline stores:
 * `{ format, version, meta, nodes, edges, claims, sources }`.
 * - nodes: the actor's stored properties plus `kind` (its label): actorSchema + kind;
 * - edges: the relationship's stored properties plus `type`, `source`, `target` (actor ids) and
 *   the derived `evidenceCount` (an import ignores it);
 * - claims: stored properties plus `sourceId` (its CITES);
 * - sources: stored properties plus `cites` (ids of the sources it CITES).
 * Optional properties that are not set are absent, exactly as stored.
 */
export function toSightlineJson(graph: ExportGraph): ExportFile {
  const document = {
    format: SIGHTLINE_JSON_FORMAT,
    version: SIGHTLINE_JSON_VERSION,
    meta: graph.meta,
    nodes: graph.nodes.map((n) => compact(n)),
    edges: graph.edges.map(({ label: _label, ...e }) => compact(e)),
    claims: graph.claims.map((c) => compact(c)),
    sources: graph.sources.map((s) => compact(s)),
  };
  return { body: JSON.stringify(document, null, 2), contentType: 'application/json; charset=utf-8', extension: 'json' };
}
