/**
 * What the console's two run endpoints share (POST /api/console/run and POST
 * /api/queries/:id/run): one service (one safety gate), one rate limit per client and one
 * concurrency cap, so saved queries count against the same budget as hand-written ones.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Driver } from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import { ConsoleRepository } from '../repositories/console-repository.js';
import { ConcurrencyGate, consoleBusy, consoleRateLimit } from './limits.js';
import { consoleOptions, type ConsoleOptions } from './options.js';
import { ConsoleQueryCancelled, ConsoleService, type ConsoleRunInput } from './service.js';

export interface ConsoleRuntime {
  options: ConsoleOptions;
  repository: ConsoleRepository;
  service: ConsoleService;
  gate: ConcurrencyGate;
  rateLimit: RequestHandler;
  /** Runs one query for a request and answers it (or not, when the client went away). */
  respond(req: Request, res: Response, input: ConsoleRunInput): Promise<void>;
}

export function createConsoleRuntime(ctx: { db: GraphDb; console?: Partial<ConsoleOptions>; consoleDriver?: Driver }): ConsoleRuntime {
  const options = consoleOptions(ctx.console);
  const repository = new ConsoleRepository(ctx.db, ctx.consoleDriver);
  const service = new ConsoleService(repository, options);
  const gate = new ConcurrencyGate(options.maxConcurrent);
  return {
    options,
    repository,
    service,
    gate,
    rateLimit: consoleRateLimit(options.ratePerMinute),
    async respond(_req, res, input) {
      const release = gate.tryEnter();
      if (!release) throw consoleBusy(gate.max);
      // The response closing before it was sent means the client aborted: stop the query.
      const controller = new AbortController();
      const onClose = () => {
        if (!res.writableFinished) controller.abort();
      };
      res.on('close', onClose);
      try {
        const result = await service.run(input, controller.signal);
        res.set('Cache-Control', 'no-store');
        res.json({ data: result });
      } catch (error) {
        if (error instanceof ConsoleQueryCancelled) return;
        throw error;
      } finally {
        release();
        res.off('close', onClose);
      }
    },
  };
}
