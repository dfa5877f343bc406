import type { RefreshingValueOptions } from '../../cache/refreshing-value.js';

/** How GET /api/schema keeps its whole-graph statistics (status and stance counts, property keys). */
export interface SchemaStatsOptions extends RefreshingValueOptions {
  queryTimeoutMs: number;
}

/** Defaults of SchemaStatsOptions; one comment per option. */
export const SCHEMA_STATS_DEFAULTS: SchemaStatsOptions = {
  /** Statistics are recomputed (in the background) once older than this; SIGHTLINE_SCHEMA_STATS_TTL_MS. */
  ttlMs: 60_000,
  /** With none yet (or after this instance's own write), a request waits this long for them, then answers without (null). */
  budgetMs: 2_000,
  /** Server-side timeout of each statistics query: they run in the background, one at a time, so longer than an interactive read's. */
  queryTimeoutMs: 120_000,
};
