/**
 * Defaults of the embedded Neo4j runtime. Every option can be overridden through the
 * environment (see server/src/config/env.ts and the configuration table in README.md).
 */
export const EMBEDDED_NEO4J_DEFAULTS = {
  /** Neo4j Community server version; mirrored in server/neo4j/pom.xml (a test checks they agree). */
  neo4jVersion: '5.26.30',
  /** APOC Core version installed as a plugin: the newest release on the 5.26 line. */
  apocVersion: '5.26.19',
  /** Bolt port on 127.0.0.1. When it is taken, a free port is chosen and logged instead. */
  boltPort: 7687,
  /** JVM heap (initial = max, as Neo4j recommends). Sized for a laptop; keep it <= 1g. */
  heap: '512m',
  /** Page cache: memory Neo4j uses to cache the store files. Explicit, never "auto". */
  pageCache: '256m',
  /** How long to wait for Neo4j to accept Bolt connections before giving up (ms). */
  startTimeoutMs: 180_000,
  /** How long a graceful stop (SIGTERM) may take before the process is killed (ms). */
  stopTimeoutMs: 30_000,
  /** Server-side transaction timeout applied to every transaction (Neo4j duration). */
  transactionTimeout: '60s',
  /** Lines of Neo4j's own output quoted in an error when it fails to start. */
  logTailLines: 40,
} as const;

/** The Neo4j user of the embedded server. Community edition has one: neo4j. */
export const EMBEDDED_NEO4J_USER = 'neo4j';
