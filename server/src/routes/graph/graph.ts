import { Router, type Request, type Response } from 'express';
import { AppError } from '../../errors.js';
import { clientGoneSignal } from '../../middlewares/client-gone.js';
import { parseParams, parseQuery } from '../../middlewares/validate.js';
import { presentNeighborhood, presentPaths, presentTimeline } from '../../presenters/graph.js';
import { MissingActorsError, type NeighborhoodRepository } from '../../repositories/neighborhood-repository.js';
import { MAX_ALL_SHORTEST_PATHS, type PathRepository } from '../../repositories/path-repository.js';
import type { TimelineRepository } from '../../repositories/timeline-repository.js';
import { sendData } from '../respond.js';
import {
  actorIdParamsSchema,
  multiNeighborhoodQuerySchema,
  neighborhoodQuerySchema,
  pathsQuerySchema,
  timelineQuerySchema,
  type NeighborhoodQuery,
} from './schema.js';

export interface GraphRepositories {
  neighborhood: NeighborhoodRepository;
  paths: PathRepository;
  timeline: TimelineRepository;
}

const notFoundActors = (field: string, missing: string[]) =>
  new AppError(404, 'NOT_FOUND', `no actor with id ${missing.map((id) => `'${id}'`).join(', ')}`, { field, missing });

/**
 * Graph exploration (every read stops, on Neo4j too, when the client goes away: clientGoneSignal), mounted at the API root with full paths (so /actors/:id, owned by the
 * actors router, and /actors/:id/neighborhood both work):
 *   GET /actors/:id/neighborhood   the subgraph around one actor
 *   GET /neighborhood?ids=a,b      the subgraph around several actors
 *   GET /paths?from=&to=           how two actors connect
 *   GET /timeline                  dated relationships and sources in time order
 */
export function graphRoutes(repos: GraphRepositories): Router {
  const router = Router();

  async function neighborhood(res: Response, ids: string[], field: string, q: NeighborhoodQuery) {
    const signal = clientGoneSignal(res);
    if (q.depth > 1) {
      const missing = await repos.neighborhood.missingActors(ids, signal);
      if (missing.length > 0) throw notFoundActors(field, missing);
    }
    try {
      sendData(res, presentNeighborhood(await repos.neighborhood.neighborhood(ids, q, signal)));
    } catch (error) {
      // Depth 1 checks the centres in the same query as the traversal.
      if (error instanceof MissingActorsError) throw notFoundActors(field, error.missing);
      throw error;
    }
  }

  router.get('/actors/:id/neighborhood', async (req: Request, res: Response) => {
    const { id } = parseParams(actorIdParamsSchema, req);
    const q = parseQuery(neighborhoodQuerySchema, req);
    await neighborhood(res, [id], 'id', q);
  });

  router.get('/neighborhood', async (req: Request, res: Response) => {
    const { ids, ...q } = parseQuery(multiNeighborhoodQuerySchema, req);
    await neighborhood(res, ids, 'ids', q);
  });

  router.get('/paths', async (req: Request, res: Response) => {
    const q = parseQuery(pathsQuerySchema, req);
    const signal = clientGoneSignal(res);
    const found = await repos.paths.endpointsFound(q.from, q.to, signal);
    if (!found.fromFound) throw notFoundActors('from', [q.from]);
    if (!found.toFound) throw notFoundActors('to', [q.to]);
    const raws = await repos.paths.paths(q.from, q.to, q, signal);
    const maxPaths = q.mode === 'allShortest' ? MAX_ALL_SHORTEST_PATHS : q.mode === 'k' ? q.k : 1;
    sendData(res, presentPaths(raws, q.mode, maxPaths));
  });

  router.get('/timeline', async (req: Request, res: Response) => {
    const q = parseQuery(timelineQuerySchema, req);
    const signal = clientGoneSignal(res);
    if (q.ids && q.ids.length > 0) {
      const missing = await repos.neighborhood.missingActors(q.ids, signal);
      if (missing.length > 0) throw notFoundActors('ids', missing);
    }
    const { cursor, ...filters } = q;
    const data = await repos.timeline.timeline({ ...filters, after: cursor }, signal);
    sendData(res, presentTimeline(data, q.limit));
  });

  return router;
}
