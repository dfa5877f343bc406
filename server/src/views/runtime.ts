/**
 * One views runtime per app: the service (with its layout cache) and the options, shared by the
 * /api/views routes and the embed routes. Query views run saved queries through their own console
 * service (the console's safety gate and limits; the console's driver when one is configured).
 */
import type { Driver } from 'neo4j-driver';
import { consoleOptions, type ConsoleOptions } from '../console/options.js';
import { ConsoleService } from '../console/service.js';
import type { GraphDb } from '../db/graph-db.js';
import type { SavedQuery } from '../queries/header.js';
import { loadSavedQueries } from '../queries/loader.js';
import { ConsoleRepository } from '../repositories/console-repository.js';
import { NeighborhoodRepository } from '../repositories/neighborhood-repository.js';
import { ViewRepository } from '../repositories/view-repository.js';
import { viewOptions, type ViewOptions } from './options.js';
import { QueryViews } from './query-view.js';
import { ViewService } from './service.js';

export interface ViewsRuntime {
  service: ViewService;
  options: ViewOptions;
}

/** How query views reach saved queries; all optional. */
export interface ViewsQuerySetup {
  /** Console limits (timeout, row and size caps); default CONSOLE_DEFAULTS. */
  console?: Partial<ConsoleOptions>;
  /** Driver for console queries (SIGHTLINE_CONSOLE_NEO4J_USER); default: the app's. */
  consoleDriver?: Driver;
  /** The saved queries; default: cypher/queries/*.cypher. */
  queries?: SavedQuery[];
}

export function createViewsRuntime(db: GraphDb, options: Partial<ViewOptions> = {}, setup: ViewsQuerySetup = {}): ViewsRuntime {
  const console = new ConsoleService(new ConsoleRepository(db, setup.consoleDriver), consoleOptions(setup.console));
  const service = new ViewService({
    views: new ViewRepository(db),
    neighborhood: new NeighborhoodRepository(db),
    queries: new QueryViews(console, setup.queries ?? loadSavedQueries()),
  });
  return { service, options: viewOptions(options) };
}
