/**
 * Layer (d) of the console's safety gate: a look at the query TEXT before Neo4j sees it.
 *
 * Why a lexical layer when Neo4j's own EXPLAIN is the authority (plan-check.ts)? Because some
 * statements never produce a plan worth inspecting, or are dangerous before planning:
 *   - administration commands (SHOW USERS, CREATE USER, GRANT…) are planned on the system
 *     database as one opaque AdministrationCommand;
 *   - `USE` switches the database the rest of the checks would be about;
 *   - `:param`, `:use` are client commands (Neo4j Browser), not Cypher;
 *   - several statements separated by `;`;
 *   - SHOW TRANSACTIONS / TERMINATE TRANSACTIONS, LOAD CSV and CALL {…} IN TRANSACTIONS are
 *     "read" queries for Neo4j (EXPLAIN says queryType "r"), so only the operator walk and this
 *     layer stop them.
 * It also refuses write and schema clauses and procedure/function names outside the allow-list,
 * which gives a clear message before any round trip; the EXPLAIN layer and the READ transaction
 * still back every one of these up.
 *
 * It refuses, too, any name spelled like one of write access control's labels (User, ApiToken,
 * Session: private-names.ts), backticked or escaped or not, wherever it stands (a label, a
 * variable, a key): those nodes are not the console's to read. Queries that reach them without
 * naming them (`'User' IN labels(n)`, `MATCH (n)`) get them redacted from the results instead.
 *
 * Neo4j decodes `\uXXXX` escapes anywhere in the text before tokenizing (`RETURN 1 AS \u0061`
 * names the column "a"; a `\u000a` inside a `//` comment ends it), so the check runs twice: on
 * the text as written and on the decoded text. A query is refused if either reading is refused.
 */
import { AppError } from '../errors.js';
import { ALLOWED_SHOW_TARGETS, isAllowedFunction, isAllowedProcedure, SHOW_MODIFIERS } from './allow-list.js';
import { decodeUnicodeEscapes, positionOf, tokenize, type Token } from './lexer.js';
import { isPrivateLabel } from './private-names.js';

export type ConsoleMode = 'run' | 'explain' | 'profile';

export interface LexicalResult {
  /** The query to send: the text after a leading EXPLAIN/PROFILE, without a trailing `;`. */
  body: string;
  /** Offset of `body` in the original text (error positions are mapped back through it). */
  bodyOffset: number;
  /** EXPLAIN / PROFILE written at the start of the text, if any (it overrides the request's mode). */
  prefixMode: ConsoleMode | undefined;
}

/** Clauses that change data or schema: never allowed in the console. */
const WRITE_CLAUSES = new Set(['CREATE', 'MERGE', 'DELETE', 'DETACH', 'NODETACH', 'REMOVE', 'SET', 'DROP', 'FOREACH', 'INSERT']);
/** Administration commands (users, roles, privileges, databases, servers). */
const ADMIN_COMMANDS = new Set(['ALTER', 'RENAME', 'GRANT', 'DENY', 'REVOKE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN', 'TERMINATE']);
/** Administration commands that start with an everyday word (START may be a variable name). */
const ADMIN_PAIRS: ReadonlyArray<[string, ReadonlySet<string>]> = [
  ['START', new Set(['DATABASE', 'DATABASES'])],
  ['STOP', new Set(['DATABASE', 'DATABASES'])],
  ['ENABLE', new Set(['SERVER'])],
];
const SHOW_TARGETS = new Set(ALLOWED_SHOW_TARGETS);
const SHOW_WORDS = new Set(SHOW_MODIFIERS);
/** Tokens after which a word is a name (property key, label, parameter, alias), not a keyword. */
const NAME_CONTEXT = new Set(['.', ':', '$', '|', '&', '!', '::']);

const refuse = (text: string, offset: number, what: string, why: string): AppError =>
  new AppError(403, 'QUERY_NOT_ALLOWED', `${what} is not allowed in the console: ${why}`, {
    position: positionOf(text, offset),
  });

const isName = (t: Token | undefined): t is Token => t?.kind === 'name' || t?.kind === 'quoted';
const word = (t: Token | undefined, ...words: string[]): boolean => t?.kind === 'name' && words.includes(t.value);

/**
 * Whether the unquoted word at `i` stands where a keyword would: not a property key (`n.set`), a
 * label or type (`:Set`, `A|Set`), a map key (`{set: 1}`) or an alias (`AS set`). A variable
 * spelled like a keyword is read as the keyword (false refusals are possible, never misses);
 * backtick-quoted names are never keywords, for Neo4j as here.
 */
function keywordAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.kind !== 'name') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && (NAME_CONTEXT.has(prev.value) || word(prev, 'AS'))) return false;
  if (next?.value === ':' && !word(t, 'CALL')) return false;
  return true;
}

/** The dotted name starting at token i (`apoc . load . json`, backticked parts unquoted) and the index after it. */
function dottedName(tokens: Token[], i: number): { name: string; next: number } | undefined {
  if (!isName(tokens[i])) return undefined;
  const parts = [tokens[i]?.kind === 'quoted' ? (tokens[i]?.value as string) : (tokens[i]?.text as string)];
  let j = i + 1;
  while (tokens[j]?.value === '.' && isName(tokens[j + 1])) {
    const part = tokens[j + 1] as Token;
    parts.push(part.kind === 'quoted' ? part.value : part.text);
    j += 2;
  }
  return { name: parts.join('.'), next: j };
}

/** Checks one reading of the text; throws QUERY_NOT_ALLOWED on the first forbidden construct. */
function checkTokens(text: string, tokens: Token[]): void {
  const first = tokens[0];
  if (first?.value === ':') {
    throw refuse(text, first.offset, `The client command ":${tokens[1]?.text ?? ''}"`, 'client commands are not Cypher; set parameters in the params panel');
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.value === ';') {
      if (next) throw refuse(text, t.offset, 'More than one statement', 'run one statement at a time (";" separates statements)');
      continue;
    }
    if (isName(t) && isPrivateLabel(t.kind === 'quoted' ? t.value : t.text)) {
      throw refuse(text, t.offset, `The name ${t.kind === 'quoted' ? t.value : t.text}`, 'users, API tokens and login sessions are private to write access control (rename a variable of that name)');
    }
    // Function calls: a dotted name followed by "(" that is not a procedure call.
    if (isName(t) && tokens[i - 1]?.value !== '.' && !word(tokens[i - 1], 'CALL')) {
      const dotted = dottedName(tokens, i);
      if (dotted && dotted.name.includes('.') && tokens[dotted.next]?.value === '(' && !isAllowedFunction(dotted.name)) {
        throw refuse(text, t.offset, `The function ${dotted.name}()`, 'only built-in functions and a few read-only APOC functions may be called');
      }
    }
    if (!keywordAt(tokens, i)) continue;
    const kw = t.value;
    if (kw === 'CALL') {
      const target = dottedName(tokens, i + 1);
      if (target && !isAllowedProcedure(target.name)) {
        throw refuse(text, t.offset, `The procedure ${target.name}`, 'only schema introspection, full-text search and read-only APOC path/collection/text/map procedures may be called');
      }
      continue;
    }
    if (kw === 'USE' && isName(next) && !word(next, 'AS', 'AND', 'OR', 'XOR', 'IS', 'IN', 'STARTS', 'ENDS', 'CONTAINS')) {
      throw refuse(text, t.offset, 'USE', 'the console reads only the Sightline database (rename a variable called "use" or quote it with backticks)');
    }
    if (kw === 'LOAD' && word(next, 'CSV')) {
      throw refuse(text, t.offset, 'LOAD CSV', 'the console cannot read files or URLs');
    }
    if (kw === 'TRANSACTIONS' || kw === 'TRANSACTION') {
      throw refuse(text, t.offset, `"${t.text}" (CALL {…} IN TRANSACTIONS, SHOW or TERMINATE TRANSACTIONS)`, 'the console runs one read transaction and cannot see or end others');
    }
    if (WRITE_CLAUSES.has(kw)) {
      throw refuse(text, t.offset, `The ${kw} clause`, 'the console is read-only');
    }
    if (ADMIN_COMMANDS.has(kw) && isName(next)) {
      throw refuse(text, t.offset, `The administration command ${kw}`, 'the console cannot administer the server');
    }
    for (const [start, seconds] of ADMIN_PAIRS) {
      if (kw === start && next?.kind === 'name' && seconds.has(next.value)) {
        throw refuse(text, t.offset, `${start} ${next.value}`, 'the console cannot administer the server');
      }
    }
    if (kw === 'SHOW' && isName(next)) {
      let j = i + 1;
      while (tokens[j]?.kind === 'name' && SHOW_WORDS.has((tokens[j] as Token).value)) j += 1;
      const target = tokens[j];
      if (!(target?.kind === 'name' && SHOW_TARGETS.has(target.value))) {
        const what = tokens.slice(i, Math.max(j + 1, i + 2)).map((x) => x.text).join(' ');
        throw refuse(text, t.offset, what, 'only SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are allowed');
      }
    }
  }
}

/**
 * Checks the text (both readings, see above) and splits off a leading EXPLAIN/PROFILE and a
 * trailing `;`. Throws AppError 403 QUERY_NOT_ALLOWED with the position of the offending word.
 */
export function lexicalCheck(text: string): LexicalResult {
  // Neo4j's reading (escapes decoded) first, so messages name what Neo4j would have run.
  const decoded = decodeUnicodeEscapes(text);
  if (decoded !== text) {
    try {
      checkTokens(decoded, tokenize(decoded));
    } catch (error) {
      if (error instanceof AppError) {
        throw new AppError(403, 'QUERY_NOT_ALLOWED', `${error.message} (found after decoding \\u escapes, which Neo4j decodes before parsing)`);
      }
      throw error;
    }
  }
  const tokens = tokenize(text);
  checkTokens(text, tokens);
  let start = 0;
  let prefixMode: ConsoleMode | undefined;
  const first = tokens[0];
  if (first?.kind === 'name' && (first.value === 'EXPLAIN' || first.value === 'PROFILE')) {
    prefixMode = first.value === 'EXPLAIN' ? 'explain' : 'profile';
    start = tokens[1]?.offset ?? text.length;
  }
  const last = tokens.at(-1);
  const end = last?.value === ';' ? last.offset : text.length;
  return { body: text.slice(start, end), bodyOffset: start, prefixMode };
}
