/**
 * What analyst-written Cypher may call. Everything not listed here is refused, so a procedure or
 * function added to the server later (a new APOC release, a plugin) stays unavailable until someone
 * decides it is harmless and adds it.
 *
 * Names compare case-insensitively (Neo4j resolves them by their exact name; comparing in lower
 * case can only match an allowed name, never widen the list).
 */

/** Procedures by exact name: schema introspection and read-only search. */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  // Full-text search over the actor_search / source_search indexes (reads only).
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  // Read-only path algorithms on the graph (they return paths; they never write).
  'apoc.algo.dijkstra',
  'apoc.algo.aStar',
];

/**
 * Procedure namespaces allowed as a whole (every procedure whose name starts with `<ns>.`):
 * graph expanders and pure value helpers, none of which writes, reads files or runs Cypher text.
 */
export const ALLOWED_PROCEDURE_NAMESPACES: readonly string[] = ['apoc.path', 'apoc.neighbors', 'apoc.coll', 'apoc.text', 'apoc.map'];

/**
 * Namespaced functions allowed (built-in namespaces, then pure APOC value functions). Functions
 * without a namespace are Neo4j's built-ins (user-defined functions live in a namespace).
 * Deliberately absent: apoc.cypher.* (runs Cypher text, bypassing every check here), apoc.util.*,
 * apoc.load.*, apoc.export.*, apoc.import.*, apoc.static.*, apoc.trigger.*, apoc.systemdb.*,
 * apoc.log.*, and everything else.
 */
export const ALLOWED_FUNCTION_NAMESPACES: readonly string[] = [
  'date',
  'datetime',
  'localdatetime',
  'localtime',
  'time',
  'duration',
  'point',
  'vector',
  'apoc.coll',
  'apoc.text',
  'apoc.map',
  'apoc.convert',
  'apoc.date',
  'apoc.temporal',
  'apoc.number',
  'apoc.math',
  'apoc.agg',
];

/** Namespaced built-in functions allowed one by one. */
export const ALLOWED_FUNCTIONS: readonly string[] = ['db.nameFromElementId'];

/**
 * SHOW commands allowed: the schema (indexes, constraints) and the catalogue of procedures and
 * functions, all read-only. Everything else SHOW can list (users, roles, privileges, settings,
 * databases, aliases, servers, transactions) is refused.
 */
export const ALLOWED_SHOW_TARGETS: readonly string[] = [
  'INDEX',
  'INDEXES',
  'CONSTRAINT',
  'CONSTRAINTS',
  'PROCEDURE',
  'PROCEDURES',
  'FUNCTION',
  'FUNCTIONS',
];

/** Words that may sit between SHOW and an allowed target (`SHOW FULLTEXT INDEXES`, `SHOW BUILT IN FUNCTIONS`). */
export const SHOW_MODIFIERS: readonly string[] = [
  'ALL',
  'RANGE',
  'TEXT',
  'POINT',
  'LOOKUP',
  'FULLTEXT',
  'VECTOR',
  'BTREE',
  'UNIQUE',
  'UNIQUENESS',
  'EXIST',
  'EXISTS',
  'EXISTENCE',
  'NODE',
  'RELATIONSHIP',
  'REL',
  'PROPERTY',
  'KEY',
  'TYPE',
  'BUILT',
  'IN',
  'USER',
  'DEFINED',
];

/** Plan operators of the allowed SHOW commands. */
export const ALLOWED_SHOW_OPERATORS: readonly string[] = ['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions'];

const lower = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));
const PROCEDURES = lower(ALLOWED_PROCEDURES);
const PROCEDURE_NAMESPACES = ALLOWED_PROCEDURE_NAMESPACES.map((n) => `${n.toLowerCase()}.`);
const FUNCTIONS = lower(ALLOWED_FUNCTIONS);
const FUNCTION_NAMESPACES = ALLOWED_FUNCTION_NAMESPACES.map((n) => `${n.toLowerCase()}.`);

/** Whether a procedure (full dotted name) may be called from the console. */
export function isAllowedProcedure(name: string): boolean {
  const n = name.toLowerCase();
  return PROCEDURES.has(n) || PROCEDURE_NAMESPACES.some((ns) => n.startsWith(ns));
}

/** Whether a namespaced function (full dotted name) may be called from the console. */
export function isAllowedFunction(name: string): boolean {
  const n = name.toLowerCase();
  if (!n.includes('.')) return true; // built-ins have no namespace
  return FUNCTIONS.has(n) || FUNCTION_NAMESPACES.some((ns) => n.startsWith(ns));
}
