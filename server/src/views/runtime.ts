/**
 * One views runtime per app: the service (with its layout cache) and the options, shared by the
 * /api/views routes and the embed routes.
 */
import type { GraphDb } from '../db/graph-db.js';
import { ExportRepository } from '../repositories/export-repository.js';
import { NeighborhoodRepository } from '../repositories/neighborhood-repository.js';
import { ViewRepository } from '../repositories/view-repository.js';
import { viewOptions, type ViewOptions } from './options.js';
import { ViewService } from './service.js';

export interface ViewsRuntime {
  service: ViewService;
  options: ViewOptions;
}

export function createViewsRuntime(db: GraphDb, options: Partial<ViewOptions> = {}): ViewsRuntime {
  const service = new ViewService({ views: new ViewRepository(db), neighborhood: new NeighborhoodRepository(db), exports: new ExportRepository(db) });
  return { service, options: viewOptions(options) };
}
