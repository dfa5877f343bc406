/**
 * `:param` convenience lines typed into the editor, handled in the browser (they set parameters
 * and are never sent to the server), as in Neo4j Browser:
 *
 *   :param name => 'microsoft'     set one parameter (the value is a literal: string, number,
 *                                  boolean, null, list or map; single or double quotes)
 *   :param {limit: 5, kind: 'x'}   set several parameters (merged into the current ones)
 *   :params {limit: 5}             replace all parameters
 *   :params  /  :param clear       show all parameters  /  remove every parameter
 *
 * Pure: `splitCommands` separates such lines from the query (blanking them, so Neo4j's error
 * positions still point at the editor's lines and columns) and `applyCommands` computes the new
 * parameters without touching the old object.
 */
import JSON5 from 'json5';

export type Params = Record<string, unknown>;

export type ParamCommand =
  | { kind: 'set'; line: number; name: string; value: unknown }
  | { kind: 'merge'; line: number; values: Params }
  | { kind: 'replace'; line: number; values: Params }
  | { kind: 'clear'; line: number }
  | { kind: 'list'; line: number };

export interface CommandError {
  /** 1-based line of the editor text. */
  line: number;
  message: string;
}

export interface SplitResult {
  commands: ParamCommand[];
  errors: CommandError[];
  /** The text with command lines blanked (same length and line breaks); '' when only blanks remain. */
  query: string;
}

const COMMAND = /^\s*:(params?)\b(.*)$/i;
const ASSIGN = /^\s*(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\s*(?:=>|:)\s*([\s\S]+)$/;

/** Parses a Cypher-style literal (JSON5 covers strings in either quotes, unquoted map keys, lists). */
export function parseLiteral(text: string): unknown {
  const trimmed = text.trim().replace(/;$/, '');
  if (trimmed === '') throw new Error('a value is missing');
  try {
    return JSON5.parse(trimmed);
  } catch {
    throw new Error(`“${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}” is not a literal value (use a string, number, boolean, null, list or map)`);
  }
}

function isMap(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCommand(keyword: string, rest: string, line: number): ParamCommand {
  const body = rest.trim().replace(/;$/, '').trim();
  const plural = keyword.toLowerCase() === 'params';
  if (body === '') {
    if (plural) return { kind: 'list', line };
    throw new Error('write :param name => value');
  }
  if (/^clear$/i.test(body)) return { kind: 'clear', line };
  if (body.startsWith('{')) {
    const values = parseLiteral(body);
    if (!isMap(values)) throw new Error('expected a map such as {name: value}');
    return plural ? { kind: 'replace', line, values } : { kind: 'merge', line, values };
  }
  if (plural) throw new Error('write :params {name: value, …} to replace all parameters');
  const match = ASSIGN.exec(body);
  if (!match) throw new Error('write :param name => value');
  const name = (match[1] as string).replace(/^`|`$/g, '');
  return { kind: 'set', line, name, value: parseLiteral(match[2] as string) };
}

/** Separates `:param` lines from the Cypher. */
export function splitCommands(text: string): SplitResult {
  const commands: ParamCommand[] = [];
  const errors: CommandError[] = [];
  const lines = text.split('\n');
  const kept = lines.map((lineText, index) => {
    const match = COMMAND.exec(lineText);
    if (!match) return lineText;
    try {
      commands.push(parseCommand(match[1] as string, match[2] as string, index + 1));
    } catch (error) {
      errors.push({ line: index + 1, message: `line ${index + 1}: ${(error as Error).message}` });
    }
    return ' '.repeat(lineText.length);
  });
  const query = kept.join('\n');
  return { commands, errors, query: query.trim() === '' ? '' : query };
}

/** The parameters after the commands, in order (the input object is not modified). */
export function applyCommands(params: Params, commands: readonly ParamCommand[]): Params {
  let out: Params = { ...params };
  for (const command of commands) {
    if (command.kind === 'set') out[command.name] = command.value;
    else if (command.kind === 'merge') out = { ...out, ...command.values };
    else if (command.kind === 'replace') out = { ...command.values };
    else if (command.kind === 'clear') out = {};
  }
  return out;
}

/** Parses the params panel: a JSON object (JSON5 accepted), or empty for none. */
export function parseParamsText(text: string): { params: Params } | { error: string } {
  if (text.trim() === '') return { params: {} };
  let value: unknown;
  try {
    value = JSON5.parse(text);
  } catch (error) {
    return { error: `Parameters are not valid JSON: ${(error as Error).message.replace(/^JSON5: /, '')}` };
  }
  if (!isMap(value)) return { error: 'Parameters must be a JSON object such as {"actor": "microsoft"}.' };
  return { params: value };
}

/** The params panel's text for a parameter object. */
export function formatParams(params: Params): string {
  return Object.keys(params).length === 0 ? '{}' : JSON.stringify(params, null, 2);
}
