/**
 * Tunable defaults of the console page, in one place. Every option says what it does.
 */
export const CONSOLE_DEFAULTS = {
  /** Most queries kept in the browser's history (localStorage), newest first. */
  historyLimit: 100,
  /** localStorage key of the history. */
  historyKey: 'sightline.console.history',
  /** localStorage key of the last parameters, so a reload keeps them. */
  paramsKey: 'sightline.console.params',
  /** The query shown on a first visit (empty history). */
  starterQuery: 'MATCH (a:Actor)-[r]->(b:Actor)\nRETURN a, r, b\nLIMIT 25',
  /** Most rows the table view draws (the JSON view and CSV download hold every row returned). */
  tableMaxRows: 1000,
  /** Characters of a history entry shown in the history list. */
  historyPreviewChars: 90,
  /** Milliseconds a "Copied" confirmation stays on a copy button. */
  copiedMs: 1200,
  /** Milliseconds between health checks while Neo4j or the server does not answer. */
  healthRetryMs: 3000,
  /** Plan operators deeper than this start collapsed in the plan tree. */
  planOpenDepth: 6,
} as const;
