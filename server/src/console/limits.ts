/**
 * Console load limits, so analysts' queries cannot starve the explorer: a per-client rate limit
 * (express-rate-limit, per IP, over a minute) and a cap on console queries running at once
 * (across all clients); a request over the cap is answered 429 CONSOLE_BUSY at once rather than
 * queued, so waiting requests never pile up connections.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { rateLimited } from '../middlewares/rate-limit.js';

/** A counter of running console queries with a ceiling. */
export class ConcurrencyGate {
  private running = 0;

  constructor(readonly max: number) {}

  /** A release function when there is room, undefined when the cap is reached. */
  tryEnter(): (() => void) | undefined {
    if (this.running >= this.max) return undefined;
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
    };
  }

  get active(): number {
    return this.running;
  }
}

export const consoleBusy = (max: number): AppError =>
  new AppError(429, 'CONSOLE_BUSY', `${max} console ${max === 1 ? 'query is' : 'queries are'} already running, the most the console runs at once; retry in a moment`);

/** Per-client limit of console runs per minute; over it: 429 RATE_LIMITED with RateLimit headers. */
export const consoleRateLimit = (perMinute: number): RequestHandler =>
  rateLimited(`at most ${perMinute} console queries per minute per client; retry later`, { windowMs: 60_000, limit: perMinute });
