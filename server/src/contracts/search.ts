import { z } from 'zod';
import { actorKindSchema } from './vocabulary.js';

/** One actor found by GET /api/search. */
export const actorHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: actorKindSchema,
  description: z.string().nullable(),
  /** Lucene relevance score (higher is better; comparable only within one response). */
  score: z.number(),
  /** Where the query matched: the name, an alias, or only the description. */
  matchedOn: z.enum(['name', 'alias', 'description']),
  /** The alias that matched, when the hit came through an alias rather than the name. */
  matchedAlias: z.string().nullable(),
});
export type ActorHit = z.infer<typeof actorHitSchema>;

/** One source found by GET /api/search (by title or publisher). */
export const sourceHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  score: z.number(),
});
export type SourceHit = z.infer<typeof sourceHitSchema>;

/** Body `data` of GET /api/search. */
export const searchResultSchema = z.object({
  /** The search text as received (trimmed). */
  query: z.string(),
  actors: z.array(actorHitSchema),
  sources: z.array(sourceHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
