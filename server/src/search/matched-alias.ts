import { editDistance, foldedTerms, fuzzyEdits, splitLettersAndDigits } from './text.js';

/**
 * Which of an actor's names a search hit came through. Full-text search scores a whole node and
 * does not say which field or which list element matched, so this re-checks the query words
 * against the name and each alias in JavaScript, with the same three kinds of match the Lucene
 * query uses (exact word, prefix, typo within the fuzzy edit budget).
 *
 * A text's match is scored by how well the query words match its words (exact 3, prefix 2, typo
 * 1). An alias is reported when it matches better than the name, or as well as the name while
 * matching in full (every word of the alias used) where the name does not: "Game Pass" came
 * through the alias `Game Pass`, not the name `Xbox Game Pass`; "Isr" came through the name
 * `Israel Defense Forces`, even though the alias `Israeli military` is shorter.
 */

export type MatchedOn = 'name' | 'alias' | 'description';

export interface AliasMatch {
  matchedOn: MatchedOn;
  /** The alias that matched best, when the hit came through an alias. */
  matchedAlias: string | null;
}

interface TextMatch {
  score: number;
  unmatched: number;
}

function wordMatch(queryWord: string, word: string): number {
  if (queryWord === word) return 3;
  if (word.startsWith(queryWord)) return 2;
  const edits = fuzzyEdits(queryWord);
  return edits > 0 && editDistance(queryWord, word, edits) <= edits ? 1 : 0;
}

function matchText(queryWords: string[], text: string): TextMatch {
  const words = foldedTerms(text);
  const used = new Set<number>();
  let score = 0;
  for (const q of queryWords) {
    let best = 0;
    let bestIndex = -1;
    words.forEach((w, i) => {
      const s = wordMatch(q, w);
      if (s > best) {
        best = s;
        bestIndex = i;
      }
    });
    score += best;
    if (bestIndex >= 0) used.add(bestIndex);
  }
  return { score, unmatched: words.length - used.size };
}

const better = (a: TextMatch, b: TextMatch): boolean =>
  a.score > b.score || (a.score === b.score && a.unmatched < b.unmatched);

const beatsName = (alias: TextMatch, name: TextMatch): boolean =>
  alias.score > name.score || (alias.score === name.score && alias.unmatched === 0 && name.unmatched > 0);

/** The query's folded words, glued letter+digit words also as their parts. */
export function queryWordsOf(query: string): string[] {
  const words = foldedTerms(query);
  const out = new Set(words);
  for (const w of words) for (const part of splitLettersAndDigits(w)) out.add(part);
  return [...out];
}

export function findMatchedAlias(query: string, name: string, aliases: readonly string[]): AliasMatch {
  const queryWords = queryWordsOf(query);
  const nameMatch = matchText(queryWords, name);
  let bestAlias: { alias: string; match: TextMatch } | null = null;
  for (const alias of aliases) {
    const match = matchText(queryWords, alias);
    if (match.score === 0) continue;
    if (!bestAlias || better(match, bestAlias.match)) bestAlias = { alias, match };
  }
  if (bestAlias && beatsName(bestAlias.match, nameMatch)) return { matchedOn: 'alias', matchedAlias: bestAlias.alias };
  if (nameMatch.score > 0) return { matchedOn: 'name', matchedAlias: null };
  return { matchedOn: 'description', matchedAlias: null };
}
