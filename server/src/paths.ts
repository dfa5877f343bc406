import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository root (this file is server/src/paths.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Where the .cypher files live (schema, seed, saved queries). */
export const CYPHER_DIR = resolve(REPO_ROOT, 'cypher');

/** The pom that pins Neo4j's and APOC's jars. */
export const NEO4J_POM = resolve(REPO_ROOT, 'server', 'neo4j', 'pom.xml');
