import type { ManagedTransaction } from 'neo4j-driver';
import {
  ACTOR_KIND_NAMES,
  ACTOR_LABEL,
  RELATIONSHIP_TYPE_NAMES,
  comparePartialDates,
  type ActorKind,
  type ClaimStance,
  type RelationshipStatus,
  type RelationshipType,
} from '../contracts/vocabulary.js';
import { CURATION_DEFAULTS } from '../curation/defaults.js';
import { planMerge, type MergeRelationship } from '../curation/merge-plan.js';
import { RETRACTED_LABEL } from '../curation/retraction.js';
import { relationshipSlug, slugCandidate, slugify } from '../curation/slug.js';
import type { GraphDb, Row } from '../db/graph-db.js';
import type { ExportActor } from '../exporters/model.js';
import { toPlainObject } from '../db/plain.js';
import { AppError, notFound } from '../errors.js';
import { AuditRepository } from './audit-repository.js';
import { toActor } from './export-repository.js';

/**
 * The curation writes: every one runs in ONE write transaction that also records its (:Change)
 * (see audit-repository), so a change and its trace commit together or not at all. Nothing is
 * ever deleted: deletion and merging mark records retracted (see cypher/schema/005-curation.cypher),
 * and the read repositories skip them. Labels and relationship types written here come from the
 * vocabulary (checked by `kindLabel` / `relationshipType`), never from request text.
 */

export interface ActorInput {
  name: string;
  kind: ActorKind;
  aliases: string[];
  description: string;
  country?: string | undefined;
  url?: string | undefined;
  wikidata?: string | undefined;
}

/** A PATCH: absent fields stay; null removes an optional field. */
export interface ActorPatch {
  name?: string | undefined;
  kind?: ActorKind | undefined;
  aliases?: string[] | undefined;
  description?: string | undefined;
  country?: string | null | undefined;
  url?: string | null | undefined;
  wikidata?: string | null | undefined;
}

/** An existing source by id, or a new one (reused when a source with the same url exists). */
export type SourceInput =
  | { id: string }
  | { title: string; publisher: string; url?: string | undefined; publishedAt?: string | undefined; author?: string | undefined };

export interface ClaimInput {
  quote: string;
  attributedTo: string;
  stance: ClaimStance;
  note?: string | undefined;
  source: SourceInput;
}

export interface RelationshipInput {
  source: string;
  target: string;
  type: RelationshipType;
  status: RelationshipStatus;
  summary: string;
  since?: string | undefined;
  until?: string | undefined;
  claims: ClaimInput[];
}

/** An actor as the audit trail records it: its exported fields plus curation bookkeeping. */
export interface ActorSnapshot extends ExportActor {
  updatedAt: string | null;
  retractedAt: string | null;
  mergedInto: string | null;
}

export interface ClaimSnapshot {
  id: string;
  quote: string;
  attributedTo: string;
  stance: string;
  note: string | null;
  sourceId: string | null;
}

export interface RelationshipSnapshot {
  id: string;
  type: string;
  source: string;
  target: string;
  status: string | null;
  summary: string | null;
  since: string | null;
  until: string | null;
  updatedAt: string | null;
  retractedAt: string | null;
  mergedInto: string | null;
  claims: ClaimSnapshot[];
}

export interface MergeResult {
  survivorId: string;
  mergedId: string;
  /** Relationships of the merged actor moved to the survivor as new relationships. */
  moved: Array<{ from: string; to: string }>;
  /** Relationships of the merged actor combined into a duplicate the survivor already had. */
  combined: Array<{ from: string; into: string }>;
  /** Relationships between the two actors, retracted as meaningless self-loops (kept in the history). */
  dropped: string[];
  /** Claims now supporting the survivor's relationships. */
  claimsMoved: number;
}

export interface MentionTermRow {
  id: string;
  name: string;
  aliases: string[];
  labels: string[];
}

// ------------------------------------------------------------------------------------------------
// Vocabulary guards: the only way a label or relationship type reaches Cypher text here.
// ------------------------------------------------------------------------------------------------

const KINDS = new Set<string>(ACTOR_KIND_NAMES);
const TYPES = new Set<string>(RELATIONSHIP_TYPE_NAMES);

function kindLabel(kind: string): string {
  if (!KINDS.has(kind)) throw new Error(`sightline/curation-repository: ${JSON.stringify(kind)} is not an actor kind`);
  return `\`${kind}\``;
}

function relationshipType(type: string): string {
  if (!TYPES.has(type)) throw new Error(`sightline/curation-repository: ${JSON.stringify(type)} is not a relationship type`);
  return `\`${type}\``;
}

/** Finds a relationship between actors by id whatever its state (retracted too): one index seek per type. */
function anyRelationshipById(idExpr: string): string {
  return RELATIONSHIP_TYPE_NAMES.map((t) => `MATCH (a:Actor)-[r:${relationshipType(t)}]->(b:Actor) WHERE r.id = ${idExpr} RETURN a, r, b`).join(
    '\n  UNION ALL\n  ',
  );
}

// ------------------------------------------------------------------------------------------------
// Cypher
// ------------------------------------------------------------------------------------------------

/** Takes the actor's write lock for the rest of the transaction (a read-check-write is then atomic). */
const LOCK_ACTOR = `
MATCH (a:Actor {id: $id})
SET a.__lock = true REMOVE a.__lock
RETURN labels(a) AS labels, a {.*} AS properties`;

const LOCK_RELATIONSHIP = `
CALL () {
  ${anyRelationshipById('$id')}
}
WITH a, r, b LIMIT 1
SET r.__lock = true REMOVE r.__lock
RETURN a.id AS source, b.id AS target, type(r) AS type, r {.*} AS properties,
  COLLECT {
    MATCH (c:Claim {relationshipId: r.id}) WHERE NOT c:${RETRACTED_LABEL}
    OPTIONAL MATCH (c)-[:CITES]->(s:Source)
    WITH c, s ORDER BY c.id
    RETURN {claim: c {.*}, sourceId: s.id}
  } AS claims`;

const FREE_ACTOR_IDS = `
UNWIND $candidates AS id
OPTIONAL MATCH (a:Actor {id: id})
WITH id, a WHERE a IS NULL AND NOT EXISTS { MATCH (:Change {targetKind: 'actor', targetId: id}) }
RETURN id`;

const FREE_RELATIONSHIP_IDS = `
UNWIND $candidates AS cid
OPTIONAL CALL (cid) {
  ${anyRelationshipById('cid')}
}
WITH cid, r WHERE r IS NULL AND NOT EXISTS { MATCH (:Change {targetKind: 'relationship', targetId: cid}) }
RETURN cid AS id`;

const FREE_SOURCE_IDS = `
UNWIND $candidates AS id
OPTIONAL MATCH (s:Source {id: id})
WITH id, s WHERE s IS NULL
RETURN id`;

const FREE_CLAIM_IDS = `
UNWIND $candidates AS id
OPTIONAL MATCH (c:Claim {id: id})
WITH id, c WHERE c IS NULL
RETURN id`;

const LIVE_ACTOR_IDS = `
UNWIND $ids AS id
MATCH (a:Actor {id: id}) WHERE NOT a:${RETRACTED_LABEL}
RETURN a.id AS id`;

const SOURCE_BY_ID = 'MATCH (s:Source {id: $id}) RETURN s.id AS id';
const SOURCE_BY_URL = 'MATCH (s:Source) WHERE s.url = $url RETURN s.id AS id ORDER BY s.id LIMIT 1';
const CREATE_SOURCE = 'CREATE (s:Source) SET s = $properties RETURN s.id AS id';
const CREATE_CLAIM = `
MATCH (s:Source {id: $sourceId})
CREATE (c:Claim)
SET c = $properties
CREATE (c)-[:CITES]->(s)
RETURN c.id AS id`;

const LIVE_RELATIONSHIPS_OF = `
MATCH (a:Actor {id: $id})-[r]-(x:Actor)
WHERE type(r) IN $types AND r.retractedAt IS NULL
RETURN DISTINCT r.id AS id, type(r) AS type, startNode(r) = a AS outgoing, x.id AS otherId`;

const MOVE_CLAIMS = `
MATCH (c:Claim {relationshipId: $from}) WHERE NOT c:${RETRACTED_LABEL}
SET c.relationshipId = $to
RETURN count(c) AS moved`;

const RETRACT_CLAIMS = `
MATCH (c:Claim {relationshipId: $id}) WHERE NOT c:${RETRACTED_LABEL}
SET c:${RETRACTED_LABEL}
RETURN count(c) AS retracted`;

const RESOLVE_MERGED = `
MATCH (m:Actor:${RETRACTED_LABEL} {id: $id}) WHERE m.mergedInto IS NOT NULL
MATCH (s:Actor {id: m.mergedInto}) WHERE NOT s:${RETRACTED_LABEL}
RETURN s.id AS id`;

const MENTION_TERMS = `
MATCH (a:Actor) WHERE NOT a:${RETRACTED_LABEL}
RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases, labels(a) AS labels`;

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';

// ------------------------------------------------------------------------------------------------
// Snapshots (what the audit trail stores as before / after)
// ------------------------------------------------------------------------------------------------

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function actorSnapshot(row: { labels: unknown; properties: unknown }): ActorSnapshot {
  const p = row.properties as Record<string, unknown>;
  return {
    ...toActor(row as Row),
    updatedAt: str(p.updatedAt),
    retractedAt: str(p.retractedAt),
    mergedInto: str(p.mergedInto),
  };
}

function relationshipSnapshot(row: Record<string, unknown>): RelationshipSnapshot {
  const p = row.properties as Record<string, unknown>;
  const claims = (row.claims as Array<{ claim: Record<string, unknown>; sourceId: unknown }>).map((c) => ({
    id: String(c.claim.id),
    quote: str(c.claim.quote) ?? '',
    attributedTo: str(c.claim.attributedTo) ?? '',
    stance: str(c.claim.stance) ?? '',
    note: str(c.claim.note),
    sourceId: str(c.sourceId),
  }));
  return {
    id: String(p.id),
    type: String(row.type),
    source: String(row.source),
    target: String(row.target),
    status: str(p.status),
    summary: str(p.summary),
    since: str(p.since),
    until: str(p.until),
    updatedAt: str(p.updatedAt),
    retractedAt: str(p.retractedAt),
    mergedInto: str(p.mergedInto),
    claims,
  };
}

/** The stored properties of an actor (optional fields left out when empty). */
function actorProperties(input: ActorInput & { id: string }, now: string): Record<string, unknown> {
  const p: Record<string, unknown> = { id: input.id, name: input.name, aliases: input.aliases, description: input.description, updatedAt: now };
  if (input.country) p.country = input.country;
  if (input.url) p.url = input.url;
  if (input.wikidata) p.wikidata = input.wikidata;
  return p;
}

const unknownReference = (what: string): AppError => new AppError(400, 'UNKNOWN_REFERENCE', `curation: ${what} does not exist`);

// ------------------------------------------------------------------------------------------------
// The repository
// ------------------------------------------------------------------------------------------------

export class CurationRepository {
  constructor(private readonly db: GraphDb) {}

  /** Runs `work` in one write transaction; retried when two writers raced for the same new id. */
  private async write<T>(work: (tx: ManagedTransaction, now: string) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        // db.writeTransaction also tells this instance's listeners (GET /api/schema's statistics).
        return await this.db.writeTransaction((tx) => work(tx, new Date().toISOString()), CURATION_DEFAULTS.writeTimeoutMs);
      } catch (error) {
        if ((error as { code?: unknown }).code === CONSTRAINT_FAILED && attempt < CURATION_DEFAULTS.idRaceRetries) continue;
        throw error;
      }
    }
  }

  private static async rows(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const result = await tx.run(cypher, params);
    return result.records.map((r) => toPlainObject(r.toObject()));
  }

  /**
   * The first id that `freeQuery` reports unused among `candidate(1)`, `candidate(2)`… (by default
   * `base`, `base-2`, `base-3`…).
   */
  private static async freeId(
    tx: ManagedTransaction,
    freeQuery: string,
    base: string,
    candidate: (attempt: number) => string = (n) => slugCandidate(base, n),
  ): Promise<string> {
    for (let from = 1; from < 10_000; from += CURATION_DEFAULTS.idCandidatesPerQuery) {
      const candidates = Array.from({ length: CURATION_DEFAULTS.idCandidatesPerQuery }, (_, i) => candidate(from + i));
      const free = new Set((await CurationRepository.rows(tx, freeQuery, { candidates })).map((r) => String(r.id)));
      const first = candidates.find((c) => free.has(c));
      if (first) return first;
    }
    throw new Error(`sightline/curation-repository: no free id for ${base}`);
  }

  private static async lockActor(tx: ManagedTransaction, id: string): Promise<ActorSnapshot | null> {
    const [row] = await CurationRepository.rows(tx, LOCK_ACTOR, { id });
    return row ? actorSnapshot(row as { labels: unknown; properties: unknown }) : null;
  }

  private static async lockLiveActor(tx: ManagedTransaction, id: string): Promise<ActorSnapshot> {
    const actor = await CurationRepository.lockActor(tx, id);
    if (!actor || actor.retractedAt !== null) throw notFound(`actor ${JSON.stringify(id)}`);
    return actor;
  }

  private static async lockRelationship(tx: ManagedTransaction, id: string): Promise<RelationshipSnapshot | null> {
    const [row] = await CurationRepository.rows(tx, LOCK_RELATIONSHIP, { id });
    return row ? relationshipSnapshot(row) : null;
  }

  private static async lockLiveRelationship(tx: ManagedTransaction, id: string): Promise<RelationshipSnapshot> {
    const rel = await CurationRepository.lockRelationship(tx, id);
    if (!rel || rel.retractedAt !== null) throw notFound(`relationship ${JSON.stringify(id)}`);
    return rel;
  }

  // ---------------------------------------------------------------------------------- actors

  async createActor(input: ActorInput, by: string): Promise<string> {
    return this.write(async (tx, now) => {
      const id = await CurationRepository.freeId(tx, FREE_ACTOR_IDS, slugify(input.name, 'actor'));
      await tx.run(`CREATE (a:${ACTOR_LABEL}:${kindLabel(input.kind)}) SET a = $properties`, { properties: actorProperties({ ...input, id }, now) });
      const after = await CurationRepository.lockActor(tx, id);
      await AuditRepository.record(tx, { action: 'create', targetKind: 'actor', targetId: id, by, before: null, after }, now);
      return id;
    });
  }

  /**
   * Applies a PATCH if the actor's `updatedAt` is still `expectedUpdatedAt` (null: never edited
   * through curation); otherwise 409 CONFLICT with the current value.
   */
  async updateActor(id: string, patch: ActorPatch, expectedUpdatedAt: string | null, by: string): Promise<void> {
    await this.write(async (tx, now) => {
      const before = await CurationRepository.lockLiveActor(tx, id);
      if (before.updatedAt !== expectedUpdatedAt) {
        throw new AppError(409, 'CONFLICT', `curation: actor ${JSON.stringify(id)} was changed since it was read (updatedAt ${before.updatedAt ?? 'none'}, not ${expectedUpdatedAt ?? 'none'}): reload it and edit again`, {
          updatedAt: before.updatedAt,
        });
      }
      const set: Record<string, unknown> = { updatedAt: now };
      const remove: string[] = [];
      for (const key of ['name', 'aliases', 'description'] as const) if (patch[key] !== undefined) set[key] = patch[key];
      for (const key of ['country', 'url', 'wikidata'] as const) {
        if (patch[key] === null) remove.push(key);
        else if (patch[key] !== undefined) set[key] = patch[key];
      }
      const relabel = patch.kind !== undefined && patch.kind !== before.kind ? `REMOVE a:${kindLabel(before.kind)} SET a:${kindLabel(patch.kind)}` : '';
      const removeText = remove.length > 0 ? `REMOVE ${remove.map((k) => `a.${k}`).join(', ')}` : '';
      await tx.run(`MATCH (a:Actor {id: $id}) SET a += $set ${removeText} ${relabel}`, { id, set });
      const after = await CurationRepository.lockActor(tx, id);
      await AuditRepository.record(tx, { action: 'update', targetKind: 'actor', targetId: id, by, before, after }, now);
    });
  }

  /** Retracts an actor and its live relationships (each with its own change). */
  async deleteActor(id: string, by: string): Promise<{ relationships: string[] }> {
    return this.write(async (tx, now) => {
      const before = await CurationRepository.lockLiveActor(tx, id);
      const relationships = (await CurationRepository.rows(tx, LIVE_RELATIONSHIPS_OF, { id, types: RELATIONSHIP_TYPE_NAMES })).map((r) => String(r.id));
      for (const relId of relationships) await CurationRepository.retractRelationship(tx, relId, by, now, 'delete', { reason: `actor ${id} deleted` });
      await tx.run(`MATCH (a:Actor {id: $id}) SET a:${RETRACTED_LABEL}, a.retractedAt = $now`, { id, now });
      const after = await CurationRepository.lockActor(tx, id);
      await AuditRepository.record(tx, { action: 'delete', targetKind: 'actor', targetId: id, by, before, after: { ...after, relationshipsRetracted: relationships } }, now);
      return { relationships };
    });
  }

  /** The survivor an id was merged into (following later merges), or null. */
  async resolveMerged(id: string): Promise<string | null> {
    const [row] = await this.db.read(RESOLVE_MERGED, { id });
    return row ? String(row.id) : null;
  }

  /**
   * Merges `mergedId` into `survivorId` (see planMerge): relationships and claims move to the
   * survivor, duplicates are combined keeping every claim, the merged actor's name and aliases
   * become aliases of the survivor, and the merged actor is retracted with `mergedInto`, so its id
   * keeps resolving to the survivor. Ids merged into the merged actor earlier are re-pointed.
   */
  async mergeActors(survivorId: string, mergedId: string, by: string): Promise<MergeResult> {
    return this.write(async (tx, now) => {
      // Lock in id order so two opposite merges cannot deadlock.
      const [firstId, secondId] = [survivorId, mergedId].sort();
      const first = await CurationRepository.lockActor(tx, firstId as string);
      const second = await CurationRepository.lockActor(tx, secondId as string);
      const survivorBefore = firstId === survivorId ? first : second;
      const mergedBefore = firstId === survivorId ? second : first;
      if (!survivorBefore || survivorBefore.retractedAt !== null) throw unknownReference(`actor ${JSON.stringify(survivorId)}`);
      if (!mergedBefore || mergedBefore.retractedAt !== null) throw unknownReference(`actor ${JSON.stringify(mergedId)}`);

      const relsOf = async (id: string): Promise<MergeRelationship[]> =>
        (await CurationRepository.rows(tx, LIVE_RELATIONSHIPS_OF, { id, types: RELATIONSHIP_TYPE_NAMES })).map((r) => ({
          id: String(r.id),
          type: String(r.type),
          outgoing: r.outgoing === true,
          otherId: String(r.otherId),
        }));
      const plan = planMerge(mergedId, survivorId, await relsOf(mergedId), await relsOf(survivorId));
      const result: MergeResult = { survivorId, mergedId, moved: [], combined: [], dropped: [], claimsMoved: 0 };

      for (const group of plan.groups) {
        let targetId = group.existingId;
        const [head] = group.relationships;
        if (!head) continue;
        if (targetId === null) {
          const headSnapshot = (await CurationRepository.lockRelationship(tx, head.id)) as RelationshipSnapshot;
          const subject = group.outgoing ? survivorId : group.otherId;
          const object = group.outgoing ? group.otherId : survivorId;
          targetId = await CurationRepository.freeId(tx, FREE_RELATIONSHIP_IDS, relationshipSlug(subject, group.type, object));
          const properties: Record<string, unknown> = { id: targetId, status: headSnapshot.status, summary: headSnapshot.summary, updatedAt: now };
          if (headSnapshot.since) properties.since = headSnapshot.since;
          if (headSnapshot.until) properties.until = headSnapshot.until;
          await tx.run(`MATCH (s:Actor {id: $subject}), (o:Actor {id: $object}) CREATE (s)-[r:${relationshipType(group.type)}]->(o) SET r = $properties`, {
            subject,
            object,
            properties,
          });
          await AuditRepository.record(tx, { action: 'create', targetKind: 'relationship', targetId, by, before: null, after: { ...properties, type: group.type, source: subject, target: object, mergedFrom: head.id } }, now);
        }
        const targetBefore = await CurationRepository.lockRelationship(tx, targetId);
        for (const rel of group.relationships) {
          const relBefore = await CurationRepository.lockRelationship(tx, rel.id);
          const [moved] = await CurationRepository.rows(tx, MOVE_CLAIMS, { from: rel.id, to: targetId });
          result.claimsMoved += Number(moved?.moved ?? 0);
          await tx.run(`${'CALL () {\n  ' + anyRelationshipById('$id') + '\n}'} WITH r LIMIT 1 SET r.retractedAt = $now, r.mergedInto = $into`, { id: rel.id, now, into: targetId });
          const relAfter = await CurationRepository.lockRelationship(tx, rel.id);
          await AuditRepository.record(tx, { action: 'merge-move', targetKind: 'relationship', targetId: rel.id, by, before: relBefore, after: { ...relAfter, claims: relBefore?.claims ?? [] } }, now);
          if (group.existingId === null && rel === head) result.moved.push({ from: rel.id, to: targetId });
          else result.combined.push({ from: rel.id, into: targetId });
        }
        const targetAfter = await CurationRepository.lockRelationship(tx, targetId);
        await AuditRepository.record(tx, { action: 'merge-move', targetKind: 'relationship', targetId, by, before: targetBefore, after: targetAfter }, now);
      }
      for (const rel of plan.dropped) {
        await CurationRepository.retractRelationship(tx, rel.id, by, now, 'merge-move', { reason: `self-loop after merging ${mergedId} into ${survivorId}` });
        result.dropped.push(rel.id);
      }

      const aliases = [...new Set([...survivorBefore.aliases, mergedBefore.name, ...mergedBefore.aliases])]
        .filter((a) => a !== survivorBefore.name)
        .slice(0, CURATION_DEFAULTS.maxAliases);
      await tx.run(
        `MATCH (s:Actor {id: $survivorId}), (m:Actor {id: $mergedId})
         SET s.aliases = $aliases, s.updatedAt = $now,
             s.country = coalesce(s.country, m.country), s.url = coalesce(s.url, m.url), s.wikidata = coalesce(s.wikidata, m.wikidata)
         SET m:${RETRACTED_LABEL}, m.retractedAt = $now, m.mergedInto = $survivorId
         WITH s
         MATCH (o:Actor {mergedInto: $mergedId})
         SET o.mergedInto = $survivorId`,
        { survivorId, mergedId, aliases, now },
      );
      const survivorAfter = await CurationRepository.lockActor(tx, survivorId);
      const mergedAfter = await CurationRepository.lockActor(tx, mergedId);
      const summary = { moved: result.moved, combined: result.combined, dropped: result.dropped, claimsMoved: result.claimsMoved };
      await AuditRepository.record(tx, { action: 'merge', targetKind: 'actor', targetId: survivorId, by, before: survivorBefore, after: { ...survivorAfter, mergedFrom: mergedId, ...summary } }, now);
      await AuditRepository.record(tx, { action: 'merged-into', targetKind: 'actor', targetId: mergedId, by, before: mergedBefore, after: { ...mergedAfter, ...summary } }, now);
      return result;
    });
  }

  // ---------------------------------------------------------------------------------- relationships

  async createRelationship(input: RelationshipInput, by: string): Promise<string> {
    return this.write(async (tx, now) => {
      const live = new Set((await CurationRepository.rows(tx, LIVE_ACTOR_IDS, { ids: [input.source, input.target] })).map((r) => String(r.id)));
      for (const id of [input.source, input.target]) if (!live.has(id)) throw unknownReference(`actor ${JSON.stringify(id)}`);
      const id = await CurationRepository.freeId(tx, FREE_RELATIONSHIP_IDS, relationshipSlug(input.source, input.type, input.target));
      const properties: Record<string, unknown> = { id, status: input.status, summary: input.summary, updatedAt: now };
      if (input.since) properties.since = input.since;
      if (input.until) properties.until = input.until;
      await tx.run(`MATCH (s:Actor {id: $source}), (o:Actor {id: $target}) CREATE (s)-[r:${relationshipType(input.type)}]->(o) SET r = $properties`, {
        source: input.source,
        target: input.target,
        properties,
      });
      await CurationRepository.createClaims(tx, id, input.claims);
      const after = await CurationRepository.lockRelationship(tx, id);
      await AuditRepository.record(tx, { action: 'create', targetKind: 'relationship', targetId: id, by, before: null, after }, now);
      return id;
    });
  }

  /** Adds claims to a live relationship. */
  async addEvidence(id: string, claims: ClaimInput[], by: string): Promise<string[]> {
    return this.write(async (tx, now) => {
      const before = await CurationRepository.lockLiveRelationship(tx, id);
      const created = await CurationRepository.createClaims(tx, id, claims);
      await tx.run(`CALL () {\n  ${anyRelationshipById('$id')}\n} WITH r LIMIT 1 SET r.updatedAt = $now`, { id, now });
      const after = await CurationRepository.lockRelationship(tx, id);
      await AuditRepository.record(tx, { action: 'add-evidence', targetKind: 'relationship', targetId: id, by, before, after }, now);
      return created;
    });
  }

  /** Ends a live relationship on `until` (status ended); `until` may not be before `since`. */
  async endRelationship(id: string, until: string, by: string): Promise<void> {
    await this.write(async (tx, now) => {
      const before = await CurationRepository.lockLiveRelationship(tx, id);
      if (before.since !== null && comparePartialDates(before.since, until) > 0) {
        throw new AppError(400, 'VALIDATION_FAILED', `until: must not be before the relationship's since (${before.since})`, { field: 'until' });
      }
      await tx.run(`CALL () {\n  ${anyRelationshipById('$id')}\n} WITH r LIMIT 1 SET r.until = $until, r.status = 'ended', r.updatedAt = $now`, { id, until, now });
      const after = await CurationRepository.lockRelationship(tx, id);
      await AuditRepository.record(tx, { action: 'end', targetKind: 'relationship', targetId: id, by, before, after }, now);
    });
  }

  async deleteRelationship(id: string, by: string): Promise<void> {
    await this.write(async (tx, now) => {
      await CurationRepository.lockLiveRelationship(tx, id);
      await CurationRepository.retractRelationship(tx, id, by, now, 'delete', {});
    });
  }

  /** Marks a relationship retracted and its claims :Retracted, with a change. */
  private static async retractRelationship(
    tx: ManagedTransaction,
    id: string,
    by: string,
    now: string,
    action: 'delete' | 'merge-move',
    extra: Record<string, unknown>,
  ): Promise<void> {
    const before = await CurationRepository.lockRelationship(tx, id);
    await tx.run(`CALL () {\n  ${anyRelationshipById('$id')}\n} WITH r LIMIT 1 SET r.retractedAt = $now`, { id, now });
    await tx.run(RETRACT_CLAIMS, { id });
    const after = await CurationRepository.lockRelationship(tx, id);
    // The claims are still stored (retracted with the relationship): the trace lists them.
    await AuditRepository.record(tx, { action, targetKind: 'relationship', targetId: id, by, before, after: { ...after, claims: before?.claims ?? [], ...extra } }, now);
  }

  /** Whether a relationship by this id exists in any state (for its history). */
  async relationshipKnown(id: string): Promise<boolean> {
    const rows = await this.db.read(
      `CALL () {\n  ${anyRelationshipById('$id')}\n} RETURN count(r) > 0 AS known, EXISTS { MATCH (:Change {targetKind: 'relationship', targetId: $id}) } AS changed`,
      { id },
    );
    return rows[0]?.known === true || rows[0]?.changed === true;
  }

  /** Creates claims (and new sources) for a relationship; returns the claim ids. */
  private static async createClaims(tx: ManagedTransaction, relationshipId: string, claims: ClaimInput[]): Promise<string[]> {
    const ids: string[] = [];
    for (const claim of claims) {
      const sourceId = await CurationRepository.resolveSource(tx, claim.source);
      const id = await CurationRepository.freeId(tx, FREE_CLAIM_IDS, relationshipId, (n) => `${relationshipId}-c${n}`);
      const properties: Record<string, unknown> = { id, quote: claim.quote, attributedTo: claim.attributedTo, stance: claim.stance, relationshipId };
      if (claim.note) properties.note = claim.note;
      await tx.run(CREATE_CLAIM, { sourceId, properties });
      ids.push(id);
    }
    return ids;
  }

  private static async resolveSource(tx: ManagedTransaction, source: SourceInput): Promise<string> {
    if ('id' in source) {
      const [row] = await CurationRepository.rows(tx, SOURCE_BY_ID, { id: source.id });
      if (!row) throw unknownReference(`source ${JSON.stringify(source.id)}`);
      return String(row.id);
    }
    if (source.url) {
      const [row] = await CurationRepository.rows(tx, SOURCE_BY_URL, { url: source.url });
      if (row) return String(row.id);
    }
    const id = await CurationRepository.freeId(tx, FREE_SOURCE_IDS, slugify(`${source.publisher} ${source.title}`, 'source'));
    const properties: Record<string, unknown> = { id, title: source.title, publisher: source.publisher };
    if (source.url) properties.url = source.url;
    if (source.publishedAt) properties.publishedAt = source.publishedAt;
    if (source.author) properties.author = source.author;
    await tx.run(CREATE_SOURCE, { properties });
    return id;
  }

  // ---------------------------------------------------------------------------------- mentions

  /** Names and aliases of every live actor, for the mention finder's dictionary. */
  async mentionTerms(): Promise<MentionTermRow[]> {
    return (await this.db.read(MENTION_TERMS)) as unknown as MentionTermRow[];
  }
}
