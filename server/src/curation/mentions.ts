import TextMatcher from 'modern-ahocorasick/text';

/** A name or alias of an actor, as the mention finder looks for it. */
export interface MentionTerm {
  actorId: string;
  name: string;
  kind: string;
  /** The text looked for: the actor's name or one of its aliases. */
  term: string;
  matched: 'name' | 'alias';
}

/** One place in the text where a known actor is named. Offsets are UTF-16 code units, end exclusive (String.prototype.slice). */
export interface Mention {
  start: number;
  end: number;
  /** The text as written at that place. */
  text: string;
  actorId: string;
  name: string;
  kind: string;
  matched: 'name' | 'alias';
  /** The name or alias that matched. */
  term: string;
}

/** Options of the mention finder; one comment per option. */
export const MENTION_DEFAULTS = {
  /** Terms shorter than this are ignored (a one-letter alias would match everywhere). */
  minTermLength: 2,
} as const;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when the match is not glued to a letter or digit on either side ("Gaza" in "Gazan" is not a mention). */
function atWordBoundaries(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.slice(Math.max(0, start - 2), start) : '';
  const after = text.slice(end, end + 2);
  const left = before ? [...before].pop() : undefined;
  const right = after ? [...after][0] : undefined;
  return !(left && WORD_CHAR.test(left)) && !(right && WORD_CHAR.test(right));
}

/**
 * Finds the known actors named in a text, by name or alias, with an Aho–Corasick automaton
 * (modern-ahocorasick's TextMatcher: one pass over the text whatever the number of names, with
 * Unicode case folding and NFC normalisation mapped back to the original offsets).
 * Overlapping candidates are resolved leftmost-longest ("Microsoft Azure" wins over "Microsoft"),
 * after dropping matches inside a longer word.
 */
export class MentionFinder {
  private readonly matcher: TextMatcher<MentionTerm> | null;
  readonly termCount: number;

  constructor(terms: readonly MentionTerm[]) {
    const unique = new Map<string, MentionTerm>();
    for (const t of terms) {
      const term = t.term.trim();
      if (term.length < MENTION_DEFAULTS.minTermLength) continue;
      // The same text as a name wins over the same text as an alias; first actor (by id) wins a tie.
      const key = `${t.actorId}\u0000${term.normalize('NFC').toLowerCase()}`;
      const prior = unique.get(key);
      if (!prior || (prior.matched === 'alias' && t.matched === 'name')) unique.set(key, { ...t, term });
    }
    const list = [...unique.values()];
    this.termCount = list.length;
    this.matcher = list.length > 0 ? new TextMatcher(list.map((t) => ({ pattern: t.term, data: t })), { normalization: 'NFC', caseFold: true }) : null;
  }

  find(text: string): Mention[] {
    if (!this.matcher || text.length === 0) return [];
    const candidates = this.matcher
      .search(text, { strategy: 'all' })
      .filter((m) => m.data !== undefined && atWordBoundaries(text, m.start, m.end))
      .sort((a, b) => a.start - b.start || b.end - a.end || (a.data?.actorId ?? '').localeCompare(b.data?.actorId ?? '') || (a.data?.matched === 'name' ? -1 : 1));
    const mentions: Mention[] = [];
    let reached = 0;
    let lastRange = '';
    for (const m of candidates) {
      const term = m.data as MentionTerm;
      const range = `${m.start}:${m.end}`;
      // Several actors may share a name: all of them are offered at the same place.
      if (m.start < reached && range !== lastRange) continue;
      if (range === lastRange && mentions.some((x) => x.start === m.start && x.end === m.end && x.actorId === term.actorId)) continue;
      mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), actorId: term.actorId, name: term.name, kind: term.kind, matched: term.matched, term: term.term });
      reached = Math.max(reached, m.end);
      lastRange = range;
    }
    return mentions;
  }
}
