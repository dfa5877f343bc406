/**
 * The editor's autocompletion schema (@neo4j-cypher/editor-support's EditorSupportSchema) from
 * GET /api/console/schema, plus the parameter names currently set and the console's own
 * `:param` commands. Pure.
 */
import type { EditorSupportSchema } from '@neo4j-cypher/editor-support';
import type { ConsoleSchema } from './types.js';

export const CONSOLE_COMMANDS = [
  { name: ':param', description: 'Set a parameter: :param name => value' },
  { name: ':params', description: 'Show, replace (:params {…}) or clear (:params clear) the parameters' },
];

/**
 * editor-support replaces the whole `:Label` token when a completion is accepted, so labels and
 * relationship types are given with their leading colon (as Neo4j Browser does).
 */
const colon = (name: string) => (name.startsWith(':') ? name : `:${name}`);

export function editorSchema(schema: ConsoleSchema | null, paramNames: readonly string[]): EditorSupportSchema {
  return {
    labels: (schema?.labels ?? []).map(colon),
    relationshipTypes: (schema?.relationshipTypes ?? []).map(colon),
    propertyKeys: [...(schema?.propertyKeys ?? [])],
    functions: (schema?.functions ?? []).map((f) => ({ name: f.name, signature: f.signature })),
    procedures: (schema?.procedures ?? []).map((p) => ({ name: p.name, signature: p.signature, returnItems: [] })),
    consoleCommands: CONSOLE_COMMANDS.map((c) => ({ ...c })),
    parameters: [...paramNames],
  };
}
