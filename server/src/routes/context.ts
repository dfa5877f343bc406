import type { Logger } from 'pino';
import type { GraphDb } from '../db/graph-db.js';

/** What every route factory gets: the graph database handle and a logger. */
export interface RouteContext {
  db: GraphDb;
  logger: Logger;
  neo4jMode: 'embedded' | 'external';
  /** Most actors one export may contain. */
  exportMaxNodes: number;
}
