/**
 * Cypher fragments shared by the graph-exploration repositories (neighbourhood, paths, timeline).
 * Each fragment reads only $parameters and the fixed variable names documented on it: user input
 * never becomes Cypher text.
 */
import { RELATIONSHIP_TYPE_NAMES } from '../contracts/vocabulary.js';

/**
 * "As of" predicate over a relationship bound to `r`, with `$asOf` a partial date or null.
 *
 * A relationship counts on date D when it had started (since <= D) and had not yet ended
 * (until unknown, or D < until). An unknown `since` counts as "already started": most relationships
 * have no date (the founding report is undated), and hiding them on every date would empty the
 * graph. Partial dates use first-day semantics, which plain string comparison of ISO partial
 * dates gives for free: '2025' <= '2025-04' <= '2025-04-10', so
 *   - since '2025-04' counts from 2025-04-01 (asOf '2025-04' and '2025-04-10' include it,
 *     asOf '2025' = 2025-01-01 does not);
 *   - until '2025-05' means ended at the start of May (asOf '2025-04-30' includes it,
 *     asOf '2025-05' and '2025-05-01' do not).
 * With $asOf null every relationship counts.
 */
export const AS_OF_PREDICATE =
  '($asOf IS NULL OR ((r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR $asOf < r.until)))';

/**
 * Relationship-type predicate over `r`: `$types` is a list of vocabulary type names (validated by
 * the route; the default is every type). Structural types such as CITES are never in it, so they
 * never appear in results even between actors. It also skips relationships deleted or merged
 * away by curation (`retractedAt` set, see server/src/curation/retraction.ts); an actor is only
 * retracted together with all its relationships, so no traversal reaches a retracted actor.
 */
export const TYPE_PREDICATE = 'type(r) IN $types AND r.retractedAt IS NULL';

/** Every relationship type of the vocabulary: the default of a `types` filter. */
export const ALL_RELATIONSHIP_TYPES: readonly string[] = RELATIONSHIP_TYPE_NAMES;

/** Actor-kind predicate over a node bound to `m`: `$kinds` a list of kind labels, or null for any. */
export const KIND_PREDICATE = '($kinds IS NULL OR any(l IN labels(m) WHERE l IN $kinds))';

/** Claims supporting the relationship bound to `r` (uses the claim_relationship_id index). */
export const EVIDENCE_COUNT = 'COUNT { (c:Claim {relationshipId: r.id}) }';

/**
 * Pattern text for one hop from `f` to `m` over `r` in a direction. Fixed strings chosen by a
 * validated enum, never user text.
 */
export const HOP_PATTERNS = {
  out: '(f)-[r]->(m:Actor)',
  in: '(f)<-[r]-(m:Actor)',
  both: '(f)-[r]-(m:Actor)',
} as const;

export type Direction = keyof typeof HOP_PATTERNS;
