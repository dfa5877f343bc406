/** Settings of the Cypher console (POST /api/console/run, saved queries). */
export interface ConsoleOptions {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number;
  ratePerMinute: number;
  maxConcurrent: number;
}

/** Defaults of the console; one comment per option. Environment: server/src/config/env.ts. */
export const CONSOLE_DEFAULTS: ConsoleOptions = {
  /** A console query (EXPLAIN check included) is stopped after this long (SIGHTLINE_CONSOLE_TIMEOUT_MS). */
  timeoutMs: 10_000,
  /** Most rows one answer carries; more → truncated: true (SIGHTLINE_CONSOLE_MAX_ROWS). */
  maxRows: 5_000,
  /** Most bytes of rows and elements one answer carries, about; more → truncated: true (SIGHTLINE_CONSOLE_MAX_BYTES). */
  maxBytes: 5 * 1024 * 1024,
  /** Console runs per client (IP) per minute, saved queries included (SIGHTLINE_CONSOLE_RATE_PER_MIN). */
  ratePerMinute: 60,
  /** Console queries running at once across all clients; more → 429 CONSOLE_BUSY (SIGHTLINE_CONSOLE_MAX_CONCURRENT). */
  maxConcurrent: 2,
};

/** Defaults overlaid with what is set. */
export const consoleOptions = (overrides: Partial<ConsoleOptions> = {}): ConsoleOptions => ({ ...CONSOLE_DEFAULTS, ...overrides });
