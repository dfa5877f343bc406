/** Errors of the embedded Neo4j runtime; each names the module and carries a stable code. */
export type Neo4jRuntimeErrorCode =
  | 'JAVA_MISSING'
  | 'JAVA_TOO_OLD'
  | 'MAVEN_MISSING'
  | 'JAR_RESOLUTION_FAILED'
  | 'NEO4J_START_FAILED'
  | 'NEO4J_START_TIMEOUT'
  | 'NEO4J_ALREADY_RUNNING'
  | 'NEO4J_PASSWORD_FAILED';

export class Neo4jRuntimeError extends Error {
  readonly code: Neo4jRuntimeErrorCode;

  constructor(code: Neo4jRuntimeErrorCode, message: string, options?: { cause?: unknown }) {
    super(`sightline/neo4j-runtime: ${message}`, options);
    this.name = 'Neo4jRuntimeError';
    this.code = code;
  }
}

/** The sentence every "cannot start the embedded Neo4j" message ends with. */
export const EXTERNAL_NEO4J_HINT =
  'Alternatively, set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use an existing Neo4j, a cluster or Aura; then nothing is started locally.';
