/**
 * The header of a saved query file (cypher/queries/<id>.cypher): `//` lines at the top,
 *
 *   // title: Service relationships of an actor, with evidence
 *   // description: Every PROVIDES_SERVICES_TO edge from the actor, each with its claims and sources.
 *   // param: actor string = "microsoft" — Actor id
 *   // param: limit integer = 50 — Most rows
 *
 * then the Cypher. A param line is `name type [= default] [— description]`; the default is a JSON
 * literal of the declared type (strings in double quotes, lists as JSON arrays). Every problem is
 * reported with the file and line (QueryFileError).
 */
import { tokenize } from '../console/lexer.js';

export const PARAMETER_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'list<string>'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface SavedQueryParameter {
  name: string;
  type: ParameterType;
  default?: unknown;
  description?: string;
}

export interface SavedQuery {
  id: string;
  title: string;
  description: string;
  parameters: SavedQueryParameter[];
  cypher: string;
}

export class QueryFileError extends Error {
  constructor(file: string, line: number | undefined, message: string) {
    super(`sightline/queries: ${file}${line ? ` line ${line}` : ''}: ${message}`);
    this.name = 'QueryFileError';
  }
}

/** Ids are file names: lowercase kebab-case. */
export const SAVED_QUERY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Partial ISO dates, as the graph stores them: 2025, 2025-04, 2025-04-10. */
export const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const PARAM_LINE = /^([A-Za-z_][A-Za-z0-9_]*)\s+(string|integer|float|boolean|date|list<string>)\s*(.*)$/;
const DESCRIPTION_SEPARATOR = /\s+(?:—|--)\s+/g;

/** Whether a value fits a declared type (defaults are checked with it). */
export function fitsType(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && PARTIAL_DATE.test(value);
    case 'list<string>':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** `= <json> [— description]` or `[— description]` → default and description. */
function splitRest(rest: string): { hasDefault: boolean; default?: unknown; description?: string } | undefined {
  let text = rest.trim();
  let description: string | undefined;
  if (!text.startsWith('=')) {
    const m = /^(?:—|--)\s*(.*)$/.exec(text);
    if (text.length === 0) return { hasDefault: false };
    return m ? { hasDefault: false, description: m[1]?.trim() || undefined } : undefined;
  }
  text = text.slice(1).trim();
  // The default ends at the first " — " after which the text before it is valid JSON.
  const cuts = [...text.matchAll(DESCRIPTION_SEPARATOR)].map((m) => ({ at: m.index, after: m.index + m[0].length }));
  for (const cut of [...cuts, { at: text.length, after: text.length }]) {
    try {
      const value: unknown = JSON.parse(text.slice(0, cut.at));
      description = text.slice(cut.after).trim() || undefined;
      return { hasDefault: true, default: value, description };
    } catch {
      // try the next separator
    }
  }
  return undefined;
}

/** Parses one file's text. `file` names it in errors. */
export function parseSavedQuery(id: string, text: string, file: string): SavedQuery {
  if (!SAVED_QUERY_ID.test(id)) throw new QueryFileError(file, undefined, 'the file name must be kebab-case (a-z, 0-9, -) followed by .cypher');
  const lines = text.split(/\r?\n/);
  let title: string | undefined;
  let description: string | undefined;
  const parameters: SavedQueryParameter[] = [];
  let i = 0;
  for (; i < lines.length; i += 1) {
    const line = (lines[i] as string).trim();
    if (line.length === 0) continue;
    if (!line.startsWith('//')) break;
    const m = /^\/\/\s*([a-z]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue; // a plain comment
    const [, key, value] = m as unknown as [string, string, string];
    const lineNo = i + 1;
    if (key === 'title') {
      if (title !== undefined) throw new QueryFileError(file, lineNo, 'a second "title:" line');
      title = value.trim();
    } else if (key === 'description') {
      description = description === undefined ? value.trim() : `${description} ${value.trim()}`;
    } else if (key === 'param') {
      const p = PARAM_LINE.exec(value.trim());
      if (!p) {
        throw new QueryFileError(file, lineNo, `"param:" must read "name type [= default] [— description]" with type one of ${PARAMETER_TYPES.join(', ')}`);
      }
      const [, name, type, rest] = p as unknown as [string, string, ParameterType, string];
      if (parameters.some((q) => q.name === name)) throw new QueryFileError(file, lineNo, `parameter "${name}" is declared twice`);
      const parsed = splitRest(rest);
      if (!parsed) throw new QueryFileError(file, lineNo, `the default of "${name}" is not a JSON literal (strings need double quotes)`);
      if (parsed.hasDefault && !fitsType(parsed.default, type)) {
        throw new QueryFileError(file, lineNo, `the default of "${name}" is not a ${type}: ${JSON.stringify(parsed.default)}`);
      }
      parameters.push({
        name,
        type,
        ...(parsed.hasDefault ? { default: parsed.default } : {}),
        ...(parsed.description ? { description: parsed.description } : {}),
      });
    } else {
      throw new QueryFileError(file, lineNo, `unknown header key "${key}:" (expected title, description or param)`);
    }
  }
  if (!title) throw new QueryFileError(file, undefined, 'the header has no "// title:" line');
  const cypher = lines.slice(i).join('\n').trim();
  if (cypher.length === 0) throw new QueryFileError(file, undefined, 'there is no Cypher after the header');
  const used = new Set(tokenize(cypher).filter((t) => t.kind === 'param').map((t) => t.value.replaceAll('`', '')));
  for (const name of used) {
    if (!parameters.some((p) => p.name === name)) throw new QueryFileError(file, undefined, `$${name} is used but not declared with "// param:"`);
  }
  for (const p of parameters) {
    if (!used.has(p.name)) throw new QueryFileError(file, undefined, `parameter "${p.name}" is declared but the Cypher never uses $${p.name}`);
  }
  return { id, title, description: description ?? '', parameters, cypher };
}
