/**
 * Layers (b) and (c) of the console's safety gate: what Neo4j itself says about the query, from
 * EXPLAIN (planned, never executed) in a READ transaction.
 *
 * (b) The summary's queryType must be "r" (read-only). Neo4j computes it from the plan, after
 *     parsing with its own parser, so spellings the lexical layer cannot see (escapes, odd
 *     whitespace, future syntax) are covered. "s" is schema/administration, "w"/"rw" write.
 *     The summary's database must be the configured one (no USE of another database slipped by).
 * (c) Some things Neo4j classifies as "r" are still refused, by walking the plan's operators:
 *     LoadCSV (files and URLs), TransactionApply/TransactionForeach (CALL {…} IN TRANSACTIONS:
 *     it commits on its own), SHOW/TERMINATE TRANSACTIONS and every SHOW other than indexes,
 *     constraints, procedures and functions, any write or schema operator (belt and braces), and
 *     procedures and functions outside the allow-list: a ProcedureCall names its procedure in its
 *     Details, and function calls appear in the Details of the operator that evaluates them (even
 *     when written with backticks, e.g. `apoc`.`load`.json, which plans as apoc.load.json).
 */
import { AppError } from '../errors.js';
import { ALLOWED_SHOW_OPERATORS, isAllowedFunction, isAllowedProcedure } from './allow-list.js';

/** A plan node as neo4j-driver returns it (summary.plan or summary.profile). */
export interface DriverPlan {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, unknown>;
  children: DriverPlan[];
  dbHits?: unknown;
  rows?: unknown;
}

/** Operators refused whatever the query type says. */
const FORBIDDEN_OPERATORS: ReadonlyArray<[RegExp, string]> = [
  [/^LoadCSV/, 'LOAD CSV reads files and URLs'],
  [/^Transaction(Apply|Foreach)/, 'CALL {…} IN TRANSACTIONS commits batches on its own'],
  [/^TerminateTransactions/, 'the console cannot end other transactions'],
  [/^(Create|Merge|LockingMerge|Delete|DetachDelete|Set|Remove|Foreach|Drop|Grant|Deny|Revoke|Alter|Rename|Start|Stop|Enable)/, 'the console is read-only'],
  [/^(AdministrationCommand|SystemProcedureCall)/, 'the console cannot administer the server'],
];
const SHOW_ALLOWED = new Set(ALLOWED_SHOW_OPERATORS);

/** `ProcedureCall@neo4j` → `ProcedureCall`. */
export const operatorName = (operatorType: string): string => operatorType.split('@')[0] ?? operatorType;

/** String literals removed, backticks dropped: what is left of a Details text to look for calls in. */
function callableText(details: string): string {
  return details.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''").replaceAll('`', '');
}

const CALL = /([\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)+)\s*\(/gu;

const refuse = (what: string, why: string): AppError =>
  new AppError(403, 'QUERY_NOT_ALLOWED', `${what} is not allowed in the console: ${why}`);

function checkOperator(node: DriverPlan): void {
  const op = operatorName(node.operatorType);
  for (const [pattern, why] of FORBIDDEN_OPERATORS) {
    if (pattern.test(op)) throw refuse(`The operation ${op}`, why);
  }
  if (/^Show/.test(op) && !SHOW_ALLOWED.has(op)) {
    throw refuse(`The operation ${op}`, 'only SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are allowed');
  }
  const texts = Object.entries(node.arguments)
    .filter(([key, value]) => typeof value === 'string' && key !== 'string-representation')
    .map(([, value]) => callableText(value as string));
  if (op === 'ProcedureCall') {
    const details = callableText(String(node.arguments.Details ?? ''));
    const name = /^\s*([^\s(]+)\s*\(/.exec(details)?.[1]?.replace(/\s+/g, '');
    if (!name) throw refuse('A procedure call', 'its procedure could not be identified in the plan');
    if (!isAllowedProcedure(name)) {
      throw refuse(`The procedure ${name}`, 'only schema introspection, full-text search and read-only APOC path/collection/text/map procedures may be called');
    }
    texts[texts.indexOf(details)] = details.slice(details.indexOf('(') + 1);
  }
  for (const text of texts) {
    for (const m of text.matchAll(CALL)) {
      const fn = (m[1] as string).replace(/\s+/g, '');
      if (!isAllowedFunction(fn)) {
        throw refuse(`The function ${fn}()`, 'only built-in functions and a few read-only APOC functions may be called');
      }
    }
  }
  for (const child of node.children) checkOperator(child);
}

export interface ExplainVerdictInput {
  queryType: string;
  database: string | undefined;
  plan: DriverPlan | false | undefined;
}

/** Throws 403 QUERY_NOT_ALLOWED unless the EXPLAIN summary shows a read-only, allowed query on `database`. */
export function checkExplain(summary: ExplainVerdictInput, database: string): void {
  if (summary.queryType !== 'r') {
    const kind = { w: 'writes', rw: 'reads and writes', s: 'changes the schema or administers the server' }[summary.queryType] ?? `has query type ${summary.queryType}`;
    throw refuse('This query', `it ${kind}; the console only runs read-only queries`);
  }
  if (summary.database !== undefined && summary.database !== database) {
    throw refuse(`Reading the database ${summary.database}`, `the console reads only ${database}`);
  }
  if (!summary.plan) throw refuse('This query', 'Neo4j returned no plan to check');
  checkOperator(summary.plan);
}
