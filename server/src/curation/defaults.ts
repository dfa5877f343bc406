/** Defaults of the curation API and repository; one comment per option. */
export const CURATION_DEFAULTS = {
  /** Server-side timeout of one curation write transaction (a merge of a hub touches many relationships). */
  writeTimeoutMs: 60_000,
  /** How many times a write is retried when a concurrent write took the same new id first. */
  idRaceRetries: 3,
  /** Candidate ids (`x`, `x-2`, …) checked per query when looking for a free id. */
  idCandidatesPerQuery: 20,
  /** Most aliases an actor keeps (the vocabulary's limit); a merge adds the merged actor's name and aliases up to it. */
  maxAliases: 50,
  /** Most claims one request may add. */
  maxClaimsPerRequest: 20,
  /** Most entries GET /api/actors/:id/history and /api/relationships/:id/history return (newest first). */
  historyLimit: 200,
  /** Longest text POST /api/mentions scans, in UTF-8 bytes (100 KB). */
  mentionTextMaxBytes: 100 * 1024,
  /** How long the mention finder's dictionary of names and aliases is reused before it is read again (other app instances' edits). */
  mentionDictionaryTtlMs: 60_000,
} as const;
