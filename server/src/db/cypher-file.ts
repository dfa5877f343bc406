import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Splits the text of a .cypher file into statements at each `;` that is outside a string literal,
 * a backtick-quoted name or a comment. Comments are kept inside statements (Neo4j accepts them);
 * statements that hold nothing but comments and white space are dropped.
 */
export function splitCypherStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  let quote: "'" | '"' | '`' | undefined;
  let meaningful = false;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (quote) {
      current += ch;
      if (ch === '\\' && quote !== '`' && next !== undefined) {
        current += next;
        i += 2;
        continue;
      }
      if (ch === quote) quote = undefined;
      i += 1;
      continue;
    }
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      current += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      current += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === ';') {
      if (meaningful) statements.push(current.trim());
      current = '';
      meaningful = false;
      i += 1;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    if (!/\s/.test(ch)) meaningful = true;
    current += ch;
    i += 1;
  }
  if (meaningful && current.trim() !== '') statements.push(current.trim());
  return statements;
}

/** The .cypher files of a folder, in file-name order (NNN-name.cypher), with their statements. */
export async function readCypherFolder(dir: string): Promise<Array<{ file: string; statements: string[] }>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.cypher')).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: join(dir, name),
      statements: splitCypherStatements(await readFile(join(dir, name), 'utf8')),
    })),
  );
}
