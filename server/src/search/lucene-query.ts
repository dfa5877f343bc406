import { fold, fuzzyEdits, rawTerms, SEARCH_MAX_TERMS, splitLettersAndDigits } from './text.js';

/**
 * Builds a Lucene query string (classic query parser syntax, as db.index.fulltext.queryNodes
 * takes it) from what a user typed, so that no input can change the query's structure:
 *
 *  - the text is cut into words (letters, digits, combining marks), lower-cased so `AND`/`OR`/`NOT`
 *    are never operators, and every Lucene special character is escaped anyway;
 *  - for each word and each weighted field: an exact clause (analyzed by the index's analyzer, so
 *    case and diacritics fold), a prefix clause `word*` (as you type) and, for words of 3+
 *    characters, a fuzzy clause `word~N` (typos). Prefix and fuzzy terms are not analyzed by
 *    Lucene's parser beyond lower-casing, so they are folded here (`tzäh` → `tzah`);
 *  - a word gluing letters and digits (`unit8200`) also searches its parts (`unit`, `8200`) and
 *    the phrase `"unit 8200"`; several words also search their phrase, boosted.
 *
 * Returns null when the text has no searchable word (only punctuation, say).
 */

export interface LuceneField {
  name: string;
  /** Multiplies every clause on this field. */
  weight: number;
  /**
   * Also search prefixes (as you type) and typos on this field. Off for long free text such as
   * descriptions: there, prefix and fuzzy terms expand to thousands of terms and dominate the cost
   * of a query, for matches people rarely want.
   */
  expand?: boolean;
}

/** Relative weights of the clause kinds: an exact word beats a prefix, which beats a typo. */
export const CLAUSE_BOOSTS = { phrase: 6, exact: 4, prefix: 2, fuzzy: 1 } as const;

/** Every character the classic query parser treats specially (`&&` and `||` via `&` and `|`). */
const LUCENE_SPECIALS = /[+\-&|!(){}[\]^"~*?:\\/<>=\s]/g;

/** Backslash-escapes every Lucene special character (and whitespace). */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIALS, (c) => `\\${c}`);
}

function boost(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '');
}

/** The exact, prefix and fuzzy clauses of one word on one field. */
function wordClauses(word: string, field: LuceneField): string[] {
  const f = field.name;
  const folded = fold(word);
  const clauses = [`${f}:${escapeLucene(word)}^${boost(CLAUSE_BOOSTS.exact * field.weight)}`];
  if (folded.length > 0 && field.expand !== false) {
    clauses.push(`${f}:${escapeLucene(folded)}*^${boost(CLAUSE_BOOSTS.prefix * field.weight)}`);
    const edits = fuzzyEdits(folded);
    if (edits > 0) clauses.push(`${f}:${escapeLucene(folded)}~${edits}^${boost(CLAUSE_BOOSTS.fuzzy * field.weight)}`);
  }
  return clauses;
}

function phraseClause(words: string[], field: LuceneField): string {
  // Inside quotes only `"` and `\` are special; words never contain them, escaping is belt and braces.
  const phrase = words.map((w) => w.replace(/["\\]/g, (c) => `\\${c}`)).join(' ');
  return `${field.name}:"${phrase}"^${boost(CLAUSE_BOOSTS.phrase * field.weight)}`;
}

/** The words a query searches: the typed words plus the parts of glued letter+digit words. */
export function searchWords(text: string): { words: string[]; phrases: string[][] } {
  const typed = [...new Set(rawTerms(text))].slice(0, SEARCH_MAX_TERMS);
  const words = [...typed];
  const phrases: string[][] = [];
  if (typed.length > 1) phrases.push(typed);
  for (const word of typed) {
    const parts = splitLettersAndDigits(word);
    if (parts.length === 0) continue;
    for (const part of parts) if (!words.includes(part)) words.push(part);
    phrases.push(parts);
  }
  return { words, phrases };
}

export function buildLuceneQuery(text: string, fields: readonly LuceneField[]): string | null {
  const { words, phrases } = searchWords(text);
  if (words.length === 0) return null;
  const clauses: string[] = [];
  for (const field of fields) {
    for (const word of words) clauses.push(...wordClauses(word, field));
    for (const phrase of phrases) clauses.push(phraseClause(phrase, field));
  }
  return clauses.join(' ');
}
