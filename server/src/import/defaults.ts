/** Defaults of an import run (CLI flags and POST /api/import fields override them). */
export const IMPORT_DEFAULTS = {
  /** Records per write transaction; each batch commits with the job's checkpoint, or not at all. */
  batchSize: 5_000,
  /** Id namespace of FtM entities: `ftm-<id>` (see ids.ts). */
  ftmNamespace: 'ftm',
  /** Id namespace of CSV rows: empty keeps the file's ids (they must be slugs, or get a hash suffix). */
  csvNamespace: '',
  /** Id namespace of the boycott companies list: `boycott-<id>` (kept apart from curated actors of the same name). */
  boycottNamespace: 'boycott',
  /** Most failed rows kept in a report (the count is always exact). */
  maxReportedIssues: 1_000,
  /** Most source ids an import remembers as written (later batches skip their MERGE). */
  maxRememberedSources: 1_000_000,
  /** Ids looked up per read when checking references against the graph. */
  lookupChunk: 10_000,
} as const;
