/**
 * A small Cypher tokenizer for the console's lexical pre-check (see lexical-check.ts). It only has
 * to find the words Neo4j would read as keywords and names, so it knows exactly four things that
 * hide text from the parser: comments, string literals, backtick-quoted names and parameters.
 *
 * Where Neo4j's lexer and this one could disagree, this one errs towards seeing MORE code: a line
 * comment ends at any line terminator Neo4j or JavaScript knows (\n, \r, U+0085, U+2028, U+2029),
 * an unknown character becomes a token of its own (it never glues two words together), and
 * backslash-u escapes outside strings are handled by running the check again on a decoded copy
 * (decodeUnicodeEscapes).
 */

export type TokenKind = 'name' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** For names: the text in upper case (keyword comparison); for quoted names: the unescaped name. */
  value: string;
  /** Offset of the token's first character in the analysed text. */
  offset: number;
}

const LINE_END = /[\n\r\u0085\u2028\u2029]/u;
const NAME_START = /[\p{L}\p{Nl}_]/u;
const NAME_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]/u;
const NUMBER = /^(?:0x[0-9a-fA-F_]+|0o[0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)/;
/** Multi-character operators, longest first. */
const OPERATORS = ['..', '<>', '<=', '>=', '=~', '->', '<-', '+=', '::'];

/** Tokens of a query; comments and whitespace are dropped. Never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    if (/\s/u.test(ch) || ch === '\u0085') {
      i += 1;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      i += 2;
      while (i < n && !LINE_END.test(text[i] as string)) i += 1;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    const start = i;
    if (ch === "'" || ch === '"') {
      i += 1;
      while (i < n && text[i] !== ch) i += text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      tokens.push({ kind: 'string', text: text.slice(start, i), value: '', offset: start });
      continue;
    }
    if (ch === '`') {
      let value = '';
      i += 1;
      while (i < n) {
        if (text[i] === '`') {
          if (text[i + 1] === '`') {
            value += '`';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      tokens.push({ kind: 'quoted', text: text.slice(start, i), value, offset: start });
      continue;
    }
    if (ch === '$') {
      i += 1;
      if (text[i] === '`') {
        const close = text.indexOf('`', i + 1);
        i = close === -1 ? n : close + 1;
      } else {
        while (i < n && NAME_PART.test(text[i] as string)) i += 1;
      }
      tokens.push({ kind: 'param', text: text.slice(start, i), value: text.slice(start + 1, i), offset: start });
      continue;
    }
    if (/\d/.test(ch)) {
      const m = NUMBER.exec(text.slice(i, i + 64));
      i += m ? m[0].length : 1;
      tokens.push({ kind: 'number', text: text.slice(start, i), value: text.slice(start, i), offset: start });
      continue;
    }
    if (NAME_START.test(ch)) {
      i += 1;
      while (i < n && NAME_PART.test(text[i] as string)) i += 1;
      const word = text.slice(start, i);
      tokens.push({ kind: 'name', text: word, value: word.toUpperCase(), offset: start });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    const len = op ? op.length : ch.length;
    // Surrogate pairs stay one token.
    const cp = text.codePointAt(i) ?? 0;
    const width = op ? len : cp > 0xffff ? 2 : 1;
    tokens.push({ kind: 'punct', text: text.slice(i, i + width), value: text.slice(i, i + width), offset: start });
    i += width;
  }
  return tokens;
}

/**
 * The text with every `\uXXXX` (and `\UXXXXXXXX`) escape replaced by its character, wherever it
 * is. Some Cypher parsers (JavaCC with JAVA_UNICODE_ESCAPE) decode these before tokenizing, which
 * would turn `\u0043REATE` into CREATE; the lexical check runs on this copy as well as on the
 * original so that either reading is covered.
 */
export function decodeUnicodeEscapes(text: string): string {
  return text
    .replace(/\\+U([0-9a-fA-F]{8})/g, (m, hex: string) => {
      const cp = Number.parseInt(hex, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    })
    .replace(/\\+u+([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Line (1-based), column (1-based) and offset of a position in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset };
}
