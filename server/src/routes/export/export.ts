import { Router } from 'express';
import { AppError } from '../../errors.js';
import { exportFilename, renderExport } from '../../exporters/index.js';
import type { ExportGraph } from '../../exporters/model.js';
import { clientGoneSignal } from '../../middlewares/client-gone.js';
import { parseQuery } from '../../middlewares/validate.js';
import type { ExportRepository } from '../../repositories/export-repository.js';
import { DEFAULT_EXPORT_DEPTH, exportQuerySchema, type ExportDepth } from './schema.js';

/** Default cap on the actors of one export (whole graph or neighbourhood). */
export const DEFAULT_EXPORT_MAX_NODES = 50_000;
/** 413 EXPORT_TOO_LARGE: the export would exceed the cap. */
function exportTooLarge(limit: number): AppError {
  return new AppError(
    413,
    'EXPORT_TOO_LARGE',
    `the export would contain more than ${limit} actors; export a neighbourhood (ids and depth) instead`,
    { limit },
  );
}

export interface ExportRequest {
  ids: string[] | null;
  depth: ExportDepth;
  maxNodes: number;
  now?: Date;
  /** Stops the reads (the client went away: clientGoneSignal). */
  signal?: AbortSignal;
}

/** Reads the subgraph (or whole graph) to export: 404 for unknown ids, 413 over the cap. */
export async function loadExportGraph(repo: ExportRepository, request: ExportRequest): Promise<ExportGraph> {
  const { ids, depth, maxNodes, signal } = request;
  const exportedAt = (request.now ?? new Date()).toISOString();
  let actorIds: string[] | null = null;
  if (ids) {
    const unique = [...new Set(ids)];
    const found = new Set(await repo.existingActorIds(unique, signal));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError(404, 'NOT_FOUND', `no actor with id ${missing.join(', ')}`, { field: 'ids', ids: missing });
    }
    actorIds = await repo.neighbourhoodIds(unique, depth, maxNodes + 1, signal);
    if (actorIds.length > maxNodes) throw exportTooLarge(maxNodes);
  } else if ((await repo.countActors(signal)) > maxNodes) {
    throw exportTooLarge(maxNodes);
  }
  const data = await repo.subgraph(actorIds, signal);
  return {
    meta: {
      name: ids ? `Sightline: ${ids.join(', ')} (depth ${depth})` : 'Sightline: whole graph',
      exportedAt,
      ids: ids ?? null,
      depth: ids ? depth : null,
    },
    ...data,
  };
}

export interface ExportRoutesOptions {
  /** Most actors one export may contain (config: SIGHTLINE_EXPORT_MAX_NODES); default 50,000. */
  maxNodes?: number;
}

/**
 * GET /api/export?format=cyjs|graphml|gexf|csv|json|citations&ids=&depth=&citationFormat=
 * A download (Content-Disposition: attachment; filename="sightline-<ids or all>-<YYYY-MM-DD>.<ext>")
 * of the actors `ids` and their neighbourhood up to `depth`, or of the whole graph. 400
 * VALIDATION_FAILED for bad parameters, 404 NOT_FOUND for unknown ids, 413 EXPORT_TOO_LARGE over the cap.
 */
export function exportRoutes(repo: ExportRepository, options: ExportRoutesOptions = {}): Router {
  const maxNodes = options.maxNodes ?? DEFAULT_EXPORT_MAX_NODES;
  const router = Router();
  router.get('/export', async (req, res) => {
    const query = parseQuery(exportQuerySchema, req);
    const ids = query.ids ?? null;
    const graph = await loadExportGraph(repo, { ids, depth: query.depth ?? DEFAULT_EXPORT_DEPTH, maxNodes, signal: clientGoneSignal(res) });
    const file = renderExport(graph, query.format, query.citationFormat ?? 'json');
    const filename = exportFilename(ids, graph.meta.exportedAt, file.extension);
    res.set({
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
    res.status(200).send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
  });
  return router;
}
