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
ON CREATE SET n:${kind}, n += row.props`,
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
CREATE (a)-[r:${type} {id: row.id}]->(b)
SET r += row.props`,
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
ON CREATE SET s += row.props`;

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
ON CREATE SET r += row.props`,
  ]),
) as Record<RelationshipType, string>;

/** Claims, each citing its source. */
export const IMPORT_CLAIMS = `
UNWIND $rows AS row
MATCH (s:Source {id: row.sourceId})
MERGE (c:Claim {id: row.id})
ON CREATE SET c += row.props
MERGE (c)-[:CITES]->(s)`;

/**
 * The checkpoint, in the batch's own transaction: it moves from batch-1 to batch or the whole
 * transaction fails (another process resumed the same job).
 */
export const IMPORT_CHECKPOINT = `
MATCH (j:ImportJob {id: $jobId})
WHERE j.lastCommittedBatch = $batch - 1
SET j.lastCommittedBatch = $batch, j.rowsDone = $rowsDone, j.phase = $phase, j.updatedAt = $now,
    j.created = $created
RETURN j.id AS id`;

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
WHERE j.status IN ['running', 'failed', 'queued']
RETURN properties(j) AS job
ORDER BY j.startedAt DESC
LIMIT 1`;

// ---------------------------------------------------------------------------------------------

/** An (:ImportJob) node: the progress and resume point of one import run. */
export interface ImportJobRecord {
  id: string;
  sha256: string;
  format: string;
  files: string[];
  batchSize: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: string;
  /** 0 when no batch has committed yet. */
  lastCommittedBatch: number;
  totalBatches: number;
  rowsTotal: number;
  rowsDone: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
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

export interface ActorBatch {
  kind: ActorKind;
  rows: { id: string; props: Record<string, unknown> }[];
}

export interface RelationshipBatch {
  sources: { id: string; props: Record<string, unknown> }[];
  relationships: { type: RelationshipType; rows: { id: string; source: string; target: string; props: Record<string, unknown> }[] }[];
  claims: { id: string; sourceId: string; props: Record<string, unknown> }[];
}

export interface Checkpoint {
  jobId: string;
  batch: number;
  rowsDone: number;
  phase: string;
  /** Totals so far, the batch's own included. */
  created: CreatedCounts;
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

  async getJob(id: string): Promise<ImportJobRecord | null> {
    const rows = await this.db.read(IMPORT_GET_JOB, { id });
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
   * Relationships of `newTypes` are CREATEd (known new); if the uniqueness constraint refuses one,
   * the whole batch is written again with MERGE.
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
      for (const group of batch.relationships) {
        const query = newTypes.has(group.type) ? IMPORT_NEW_RELATIONSHIPS[group.type] : IMPORT_RELATIONSHIPS[group.type];
        created.relationships += (await tx.run(query, { rows: group.rows })).summary.counters.updates().relationshipsCreated;
      }
      if (batch.claims.length > 0) {
        created.claims += (await tx.run(IMPORT_CLAIMS, { rows: batch.claims })).summary.counters.updates().nodesCreated;
      }
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
      phase: checkpoint.phase,
      now: new Date().toISOString(),
      created: JSON.stringify(created),
    });
    if (result.records.length !== 1) {
      throw new Error(`sightline/import: job ${checkpoint.jobId} is not at batch ${checkpoint.batch - 1} (is another process running it?)`);
    }
  }

  private async inWriteTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite(work, { timeout: 600_000 });
    } finally {
      await session.close();
    }
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
