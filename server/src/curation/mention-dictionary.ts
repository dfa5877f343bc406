import { ACTOR_KIND_NAMES, ACTOR_LABEL } from '../contracts/vocabulary.js';
import type { CurationRepository } from '../repositories/curation-repository.js';
import { CURATION_DEFAULTS } from './defaults.js';
import { MentionFinder, type MentionTerm } from './mentions.js';

const KINDS = new Set<string>(ACTOR_KIND_NAMES);

/**
 * The mention finder over every live actor's name and aliases, built from the database and
 * reused for `ttlMs` (edits made through another app instance show after at most that long);
 * curation writes in this process call invalidate() so their own edits show at once.
 */
export class MentionDictionary {
  private current: { finder: MentionFinder; builtAt: number } | null = null;
  private building: Promise<MentionFinder> | null = null;

  constructor(
    private readonly repository: CurationRepository,
    private readonly ttlMs: number = CURATION_DEFAULTS.mentionDictionaryTtlMs,
  ) {}

  invalidate(): void {
    this.current = null;
  }

  async finder(): Promise<MentionFinder> {
    if (this.current && Date.now() - this.current.builtAt < this.ttlMs) return this.current.finder;
    if (!this.building) {
      const started = Date.now();
      this.building = this.repository
        .mentionTerms()
        .then((rows) => {
          const terms: MentionTerm[] = [];
          for (const row of rows) {
            const kind = row.labels.find((l) => l !== ACTOR_LABEL && KINDS.has(l)) ?? 'Organization';
            terms.push({ actorId: row.id, name: row.name, kind, term: row.name, matched: 'name' });
            for (const alias of row.aliases) terms.push({ actorId: row.id, name: row.name, kind, term: alias, matched: 'alias' });
          }
          const finder = new MentionFinder(terms);
          this.current = { finder, builtAt: started };
          return finder;
        })
        .finally(() => {
          this.building = null;
        });
    }
    return this.building;
  }
}
