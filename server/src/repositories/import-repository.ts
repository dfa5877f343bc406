import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { ACTOR_KIND_NAMES, RELATIONSHIP_TYPE_NAMES, type ActorKind, type RelationshipType } from '../contracts/vocabulary.js';
import type { GraphDb, Row } from '../db/graph-db.js';

// ---------------------------------------------------------------------------------------------
// Cypher (named constants; every value is a $parameter; labels and types come from the vocabulary)
// ---------------------------------------------------------------------------------------------

/** Which of $ids are actors. */
export const IMPORT_EXISTING_ACTORS = `
UNWIND $ids AS id
MATCH (n:Actor {id: id})
RETURN n.id AS id`;

/** Which of $ids are relationships that already have at least one claim. */
export const IMPORT_RELATIONSHIPS_WITH_CLAIMS = `
UNWIND $ids AS id
MATCH (c:Claim {relationshipId: id})
RETURN DISTINCT id`;

// Properties written by an import, by node or relationship. Each row of a batch carries every key
// (null when the record has no value): CREATE leaves null-valued keys out, and `SET x.key = null` on a
// new element writes nothing. Explicit keys rather than `SET x += row.props` keep the plans free of
// Eager operators (a map of unknown keys might overwrite the `id` the MATCH/MERGE read) and the
// parameters flat.

/** Actor properties an import sets on a new actor (besides id and the kind label). */
export const ACTOR_FIELDS = ['name', 'aliases', 'description', 'country', 'url', 'wikidata', 'importJob'] as const;
/** Relationship properties an import sets on a new relationship (besides id). */
export const RELATIONSHIP_FIELDS = ['status', 'summary', 'since', 'until'] as const;
/** Claim properties an import sets on a new claim (besides id). */
export const CLAIM_FIELDS = ['quote', 'attributedTo', 'stance', 'relationshipId', 'note', 'importJob', 'importedFrom', 'retrievedAt'] as const;
/** Source properties an import sets on a new source (besides id). */
export const SOURCE_FIELDS = ['title', 'titleNote', 'publisher', 'url', 'publishedAt', 'author'] as const;

/** `v.a = row.a, v.b = row.b`: an ON CREATE SET list. */
const setList = (variable: string, fields: readonly string[]): string => fields.map((f) => `${variable}.${f} = row.${f}`).join(', ');
/** `{id: row.id, a: row.a}`: a CREATE property map. */
const propertyMap = (fields: readonly string[]): string => `{${['id', ...fields].map((f) => `${f}: row.${f}`).join(', ')}}`;

/**
 * Actors of one kind: MERGE on the stable id. Only a new actor gets properties (ON CREATE): an
 * existing actor's curated name, aliases, description and kind are never overwritten by an import.
 */
export const IMPORT_ACTORS: Readonly<Record<ActorKind, string>> = Object.fromEntries(
  ACTOR_KIND_NAMES.map((kind) => [
    kind,
    `
UNWIND $rows AS row
MERGE (n:Actor {id: row.id})
ON CREATE SET n:${kind}, ${setList('n', ACTOR_FIELDS)}`,
  ]),
) as Record<ActorKind, string>;

/**
 * Relationships of one type known to be new (the type had no relationship when the import began):
 * CREATE, no MERGE. Should another writer add one with the same id meanwhile, the uniqueness
 * constraint refuses the batch and it is written again with IMPORT_RELATIONSHIPS.
 */
export const IMPORT_NEW_RELATIONSHIPS: Readonly<Record<RelationshipType, string>> = Object.fromEntries(
  RELATIONSHIP_TYPE_NAMES.map((type) => [
    type,
    `
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
CREATE (a)-[:${type} ${propertyMap(RELATIONSHIP_FIELDS)}]->(b)`,
  ]),
) as Record<RelationshipType, string>;

/** How many relationships of each vocabulary type exist (Neo4j's counts store: no scan). */
export const IMPORT_COUNT_BY_TYPE: Readonly<Record<RelationshipType, string>> = Object.fromEntries(
  RELATIONSHIP_TYPE_NAMES.map((type) => [type, `MATCH ()-[r:${type}]->() RETURN count(r) AS count`]),
) as Record<RelationshipType, string>;

/** Sources cited by a batch's claims: created once, never modified by later imports. */
export const IMPORT_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET ${setList('s', SOURCE_FIELDS)}`;

/**
 * Relationships of one type between existing actors: MERGE on the relationship id (unique per
 * type), properties only ON CREATE.
 */
export const IMPORT_RELATIONSHIPS: Readonly<Record<RelationshipType, string>> = Object.fromEntries(
  RELATIONSHIP_TYPE_NAMES.map((type) => [
    type,
    `
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
MERGE (a)-[r:${type} {id: row.id}]->(b)
ON CREATE SET ${setList('r', RELATIONSHIP_FIELDS)}`,
  ]),
) as Record<RelationshipType, string>;

/** Claims, each citing its source (MERGE on the claim id: an existing claim is left as it is). */
export const IMPORT_CLAIMS = `
UNWIND $rows AS row
MATCH (s:Source {id: row.sourceId})
MERGE (c:Claim {id: row.id})
ON CREATE SET ${setList('c', CLAIM_FIELDS)}
MERGE (c)-[:CITES]->(s)`;

/**
 * Claims of relationships this batch has just CREATEd (IMPORT_NEW_RELATIONSHIPS): their ids derive
 * from the new relationship's id, so they are new too: CREATE. Should one exist after all, the
 * claim id constraint refuses the batch and it is written again with MERGE throughout.
 */
export const IMPORT_NEW_CLAIMS = `
UNWIND $rows AS row
MATCH (s:Source {id: row.sourceId})
CREATE (:Claim ${propertyMap(CLAIM_FIELDS)})-[:CITES]->(s)`;

/**
 * The checkpoint, in the batch's own transaction: it moves from batch-1 to batch or the whole
 * transaction fails (another process resumed the same job). It also reads, under the lock its SET
 * takes, whether a cancel was requested: then the batch is rolled back and the run stops (no extra
 * round trip per batch to notice a cancel that any app instance may have recorded).
 */
export const IMPORT_CHECKPOINT = `
MATCH (j:ImportJob {id: $jobId})
WHERE j.lastCommittedBatch = $batch - 1
SET j.lastCommittedBatch = $batch, j.rowsDone = $rowsDone, j.bytesRead = $bytesRead, j.phase = $phase,
    j.updatedAt = $now, j.created = $created
RETURN j.id AS id, j.cancelRequested IS NOT NULL AS cancelRequested`;

/**
 * Records a cancel request on a job that is still queued or running (the first request's time is
 * kept); answers the job as it is now, whatever its status.
 */
export const IMPORT_REQUEST_CANCEL = `
MATCH (j:ImportJob {id: $id})
SET j.cancelRequested = CASE WHEN j.status IN ['queued', 'running'] THEN coalesce(j.cancelRequested, $now) ELSE j.cancelRequested END
RETURN properties(j) AS job`;

export const IMPORT_CREATE_JOB = `
CREATE (j:ImportJob)
SET j = $props
RETURN j.id AS id`;

export const IMPORT_UPDATE_JOB = `
MATCH (j:ImportJob {id: $id})
SET j += $props
RETURN j.id AS id`;

export const IMPORT_GET_JOB = `
MATCH (j:ImportJob {id: $id})
RETURN properties(j) AS job`;

/** The newest unfinished job for the same input (same checksum), to resume. */
export const IMPORT_FIND_RESUMABLE = `
MATCH (j:ImportJob {sha256: $sha256})
WHERE j.status IN ['running', 'failed', 'cancelled', 'queued']
RETURN properties(j) AS job
ORDER BY j.startedAt DESC
LIMIT 1`;

// ---------------------------------------------------------------------------------------------

/** An (:ImportJob) node: the progress and resume point of one import run. */
/**
 * Actors an import job created (ON CREATE sets `importJob`), not deleted or merged away since,
 * most connected first; with their total. Reads every actor (no index on `importJob`: it is asked
 * once after an import, and an index would slow every import's writes).
 */
export const IMPORT_JOB_ACTORS = `
MATCH (a:Actor) WHERE a.importJob = $jobId AND NOT a:Retracted
WITH a, COUNT { (a)-[r]-(:Actor) WHERE type(r) IN $types AND r.retractedAt IS NULL } AS degree
ORDER BY degree DESC, a.name, a.id
WITH collect({labels: labels(a), properties: a {.*}, degree: degree}) AS ranked
RETURN size(ranked) AS total, ranked[0..$limit] AS actors`;

/** One actor of IMPORT_JOB_ACTORS (the shape of the most-connected ranking's rows). */
export interface ImportJobActorRow {
  labels: string[];
  properties: Record<string, unknown>;
  degree: number;
}

export interface ImportJobRecord {
  id: string;
  sha256: string;
  format: string;
  files: string[];
  batchSize: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  phase: string;
  /** 0 when no batch has committed yet. */
  lastCommittedBatch: number;
  totalBatches: number;
  rowsTotal: number;
  rowsDone: number;
  /** Bytes of the input read when the last batch was built, of `bytesTotal` (both passes): the share done. */
  bytesRead?: number;
  bytesTotal?: number;
  startedAt: string;
  updatedAt: string;
  /** null clears it (a resumed job). */
  finishedAt?: string | null;
  /** When a cancel was asked for (POST /api/import/:jobId/cancel); null clears it (a resumed job). */
  cancelRequested?: string | null;
  /** JSON of what the batches created so far: {actors, relationships, claims, sources}. */
  created?: string;
  /** JSON of the final report (issues capped). */
  report?: string;
  error?: string;
}

export interface CreatedCounts {
  actors: number;
  relationships: number;
  claims: number;
  sources: number;
}

/** One row of a batch: the id, then every field of `F` (null when the record has none). */
export type FieldRow<F extends readonly string[], V = string | null> = { id: string } & { [K in F[number]]: V };

export type ActorRow = FieldRow<typeof ACTOR_FIELDS, string | string[] | null>;
export type RelationshipRow = FieldRow<typeof RELATIONSHIP_FIELDS> & { source: string; target: string };
export type ClaimRow = FieldRow<typeof CLAIM_FIELDS> & { sourceId: string };
export type SourceRow = FieldRow<typeof SOURCE_FIELDS>;

export interface ActorBatch {
  kind: ActorKind;
  rows: ActorRow[];
}

export interface RelationshipBatch {
  sources: SourceRow[];
  relationships: { type: RelationshipType; rows: RelationshipRow[] }[];
  claims: ClaimRow[];
}

export interface Checkpoint {
  jobId: string;
  batch: number;
  rowsDone: number;
  /** Bytes of the input read when the batch was built. */
  bytesRead: number;
  phase: string;
  /** Totals so far, the batch's own included. */
  created: CreatedCounts;
}

/** Thrown by a batch write whose job has a cancel request: the batch is rolled back. */
export class ImportCancelled extends Error {
  constructor(readonly jobId: string) {
    super(`sightline/import: job ${jobId} was cancelled`);
    this.name = 'ImportCancelled';
  }
}

/** Writes imports in batches: one write transaction per batch, the checkpoint inside it. */
export class ImportRepository {
  constructor(private readonly db: GraphDb) {}

  async existingActorIds(ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.read(IMPORT_EXISTING_ACTORS, { ids: [...ids] });
    return rows.map((r) => String(r.id));
  }

  async relationshipIdsWithClaims(ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.read(IMPORT_RELATIONSHIPS_WITH_CLAIMS, { ids: [...ids] });
    return rows.map((r) => String(r.id));
  }

  /** The relationship types that have no relationship at all yet. */
  async emptyRelationshipTypes(): Promise<Set<RelationshipType>> {
    const empty = new Set<RelationshipType>();
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      const rows = await this.db.read(IMPORT_COUNT_BY_TYPE[type]);
      if (Number(rows[0]?.count ?? 0) === 0) empty.add(type);
    }
    return empty;
  }

  async createJob(job: ImportJobRecord): Promise<void> {
    await this.db.write(IMPORT_CREATE_JOB, { props: jobProps(job) });
  }

  async updateJob(id: string, props: Partial<ImportJobRecord>): Promise<void> {
    await this.db.write(IMPORT_UPDATE_JOB, { id, props: jobProps(props) });
  }

  /** The actors job `jobId` created (at most `limit`, most connected first) and how many there are. */
  async jobActors(jobId: string, limit: number): Promise<{ total: number; actors: ImportJobActorRow[] }> {
    const [row] = await this.db.read(IMPORT_JOB_ACTORS, { jobId, limit: neo4j.int(limit), types: [...RELATIONSHIP_TYPE_NAMES] });
    const actors = (row?.actors ?? []) as Array<{ labels: string[]; properties: Record<string, unknown>; degree: unknown }>;
    return { total: Number(row?.total ?? 0), actors: actors.map((a) => ({ ...a, degree: Number(a.degree) })) };
  }

  async getJob(id: string): Promise<ImportJobRecord | null> {
    const rows = await this.db.read(IMPORT_GET_JOB, { id });
    return rows[0] ? (rows[0].job as ImportJobRecord) : null;
  }

  /** Records a cancel request on job `id` if it is queued or running; the job as it is now, or null if unknown. */
  async requestCancel(id: string): Promise<ImportJobRecord | null> {
    const rows = await this.db.write(IMPORT_REQUEST_CANCEL, { id, now: new Date().toISOString() });
    return rows[0] ? (rows[0].job as ImportJobRecord) : null;
  }

  async findResumable(sha256: string): Promise<ImportJobRecord | null> {
    const rows = await this.db.read(IMPORT_FIND_RESUMABLE, { sha256 });
    return rows[0] ? (rows[0].job as ImportJobRecord) : null;
  }

  /** One batch of actors, committed with its checkpoint. Returns how many actors it created. */
  async writeActors(groups: readonly ActorBatch[], checkpoint: Checkpoint | null): Promise<number> {
    return this.inWriteTransaction(async (tx) => {
      let created = 0;
      for (const group of groups) {
        const result = await tx.run(IMPORT_ACTORS[group.kind], { rows: group.rows });
        created += result.summary.counters.updates().nodesCreated;
      }
      if (checkpoint) await this.checkpoint(tx, checkpoint, { ...checkpoint.created, actors: checkpoint.created.actors + created });
      return created;
    });
  }

  /**
   * One batch of relationships with their sources and claims, committed with its checkpoint.
   * Relationships of `newTypes` are CREATEd (known new), and so are their claims; if a uniqueness
   * constraint refuses one, the whole batch is written again with MERGE.
   */
  async writeRelationships(
    batch: RelationshipBatch,
    checkpoint: Checkpoint | null,
    newTypes: ReadonlySet<RelationshipType> = new Set(),
  ): Promise<Omit<CreatedCounts, 'actors'>> {
    try {
      return await this.writeRelationshipsOnce(batch, checkpoint, newTypes);
    } catch (error) {
      if (newTypes.size === 0 || (error as { code?: string }).code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw error;
      return this.writeRelationshipsOnce(batch, checkpoint, new Set());
    }
  }

  private async writeRelationshipsOnce(
    batch: RelationshipBatch,
    checkpoint: Checkpoint | null,
    newTypes: ReadonlySet<RelationshipType>,
  ): Promise<Omit<CreatedCounts, 'actors'>> {
    return this.inWriteTransaction(async (tx) => {
      const created = { relationships: 0, claims: 0, sources: 0 };
      if (batch.sources.length > 0) {
        created.sources += (await tx.run(IMPORT_SOURCES, { rows: batch.sources })).summary.counters.updates().nodesCreated;
      }
      // Claims of relationships CREATEd here are new as well (their ids derive from the relationship's).
      const fresh = new Set<string>();
      for (const group of batch.relationships) {
        const isNew = newTypes.has(group.type);
        const query = isNew ? IMPORT_NEW_RELATIONSHIPS[group.type] : IMPORT_RELATIONSHIPS[group.type];
        created.relationships += (await tx.run(query, { rows: group.rows })).summary.counters.updates().relationshipsCreated;
        if (isNew) for (const row of group.rows) fresh.add(row.id);
      }
      const newClaims = fresh.size === 0 ? [] : batch.claims.filter((c) => c.relationshipId !== null && fresh.has(c.relationshipId));
      const otherClaims = newClaims.length === 0 ? batch.claims : batch.claims.filter((c) => c.relationshipId === null || !fresh.has(c.relationshipId));
      if (newClaims.length > 0) created.claims += (await tx.run(IMPORT_NEW_CLAIMS, { rows: newClaims })).summary.counters.updates().nodesCreated;
      if (otherClaims.length > 0) created.claims += (await tx.run(IMPORT_CLAIMS, { rows: otherClaims })).summary.counters.updates().nodesCreated;
      if (checkpoint) {
        const c = checkpoint.created;
        await this.checkpoint(tx, checkpoint, {
          actors: c.actors,
          relationships: c.relationships + created.relationships,
          claims: c.claims + created.claims,
          sources: c.sources + created.sources,
        });
      }
      return created;
    });
  }

  private async checkpoint(tx: ManagedTransaction, checkpoint: Checkpoint, created: CreatedCounts): Promise<void> {
    const result = await tx.run(IMPORT_CHECKPOINT, {
      jobId: checkpoint.jobId,
      batch: neo4j.int(checkpoint.batch),
      rowsDone: neo4j.int(checkpoint.rowsDone),
      bytesRead: neo4j.int(checkpoint.bytesRead),
      phase: checkpoint.phase,
      now: new Date().toISOString(),
      created: JSON.stringify(created),
    });
    if (result.records.length !== 1) {
      throw new Error(`sightline/import: job ${checkpoint.jobId} is not at batch ${checkpoint.batch - 1} (is another process running it?)`);
    }
    if (result.records[0]?.get('cancelRequested') === true) throw new ImportCancelled(checkpoint.jobId);
  }

  private async inWriteTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.db.writeTransaction(work, 600_000); // also tells this instance's listeners (GET /api/schema's statistics)
  }
}

/** Integers as Neo4j integers, undefined dropped (SET j += $props must not null anything by accident). */
function jobProps(job: Partial<ImportJobRecord>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(job)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'number' ? neo4j.int(v) : v;
  }
  return out;
}
