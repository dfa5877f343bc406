import { z } from 'zod';
import { integerQueryParam } from '../../contracts/query-params.js';
import { ACTOR_KIND_NAMES, type ActorKind } from '../../contracts/vocabulary.js';
import { SEARCH_TEXT_MAX_LENGTH } from '../../search/text.js';

const KINDS = new Set<string>(ACTOR_KIND_NAMES);

/**
 * `kinds`: actor kinds to keep, comma-separated (`kinds=Company,Person`) and/or repeated
 * (`kinds=Company&kinds=Person`); every one must be a kind of the vocabulary.
 */
export const actorKindsQueryParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value, ctx): ActorKind[] => {
    if (value === undefined) return [];
    const names = (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
    const unknown = names.filter((n) => !KINDS.has(n));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown actor kind ${JSON.stringify(unknown[0]?.slice(0, 40))}; expected one of ${ACTOR_KIND_NAMES.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as ActorKind[];
  });

/** Query of GET /api/search. */
export const searchQuerySchema = z.object({
  /** The search text: words, prefixes, typos; any characters (they are escaped). */
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(SEARCH_TEXT_MAX_LENGTH, `must be at most ${SEARCH_TEXT_MAX_LENGTH} characters`),
  kinds: actorKindsQueryParam,
  /** Most actors (and, separately, most sources) returned: 1 to 50, default 10. */
  limit: integerQueryParam({ min: 1, max: 50, default: 10 }),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
