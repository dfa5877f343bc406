/**
 * Text normalisation shared by the Lucene query builder and the matched-alias finder, close to what
 * the `standard-folding` analyzer does at index time: lower case, diacritics removed, split on
 * anything that is not a letter, digit or combining mark.
 */

/** Longest search text accepted (characters, after trimming). */
export const SEARCH_TEXT_MAX_LENGTH = 200;
/** Terms beyond this many are ignored (keeps the Lucene query far below its clause limit). */
export const SEARCH_MAX_TERMS = 12;

const TERM_PATTERN = /[\p{L}\p{N}\p{M}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;
/** A boundary between letters and digits: `unit8200` → `unit` | `8200`. */
const LETTER_DIGIT_BOUNDARY = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

/** Lower case without diacritics: `Zoë` → `zoe`, `ÉLITE` → `elite` (NFKD, combining marks dropped). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The words of a text, lower-cased but not folded (the analyzer folds exact terms itself). */
export function rawTerms(text: string): string[] {
  return (text.toLowerCase().match(TERM_PATTERN) ?? []).filter((t) => t.length > 0);
}

/** The words of a text, folded. Used to compare a query with names and aliases in JavaScript. */
export function foldedTerms(text: string): string[] {
  return (fold(text).match(TERM_PATTERN) ?? []).filter((t) => t.length > 0);
}

/** The letter and digit runs of a glued term (`unit8200` → [`unit`, `8200`]); [] when not glued. */
export function splitLettersAndDigits(term: string): string[] {
  const parts = term.split(LETTER_DIGIT_BOUNDARY).filter((p) => p.length > 0);
  return parts.length > 1 ? parts : [];
}

/**
 * How many edits a fuzzy match of this term may make, as Elasticsearch's AUTO fuzziness does:
 * none up to 2 characters, 1 up to 5, 2 beyond (Lucene allows at most 2).
 */
export function fuzzyEdits(term: string): 0 | 1 | 2 {
  const length = [...term].length;
  if (length <= 2) return 0;
  if (length <= 5) return 1;
  return 2;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, as Lucene's
 * FuzzyQuery counts edits), stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[y.length] ?? max + 1;
}
