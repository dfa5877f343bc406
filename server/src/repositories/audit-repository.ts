import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { changeProperties, type ChangeInput, type ChangeProperties, type ChangeTargetKind } from '../curation/change.js';
import type { GraphDb } from '../db/graph-db.js';

/**
 * Writes a (:Change) inside the caller's transaction (so a change and its record commit or fail
 * together) and links it to the actor it is about, when it is about an actor.
 */
const RECORD_CHANGE = `
CREATE (c:Change)
SET c = $change
WITH c
OPTIONAL MATCH (a:Actor {id: $change.targetId}) WHERE $change.targetKind = 'actor'
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END | CREATE (c)-[:CHANGED]->(x))
RETURN c.id AS id`;

/** The history of one target, newest first (uses the change_target index). */
const HISTORY = `
MATCH (c:Change {targetKind: $targetKind, targetId: $targetId})
WITH c ORDER BY c.at DESC, c.id DESC LIMIT $limit
RETURN c {.*} AS change`;

/** Whether anything by that id ever existed: the target itself (even deleted) or a change about it. */
const ACTOR_EXISTS = `
RETURN EXISTS { MATCH (a:Actor {id: $id}) } OR EXISTS { MATCH (:Change {targetKind: 'actor', targetId: $id}) } AS known`;

export class AuditRepository {
  constructor(private readonly db: GraphDb) {}

  /** Records a change in an open write transaction; returns the change's properties. */
  static async record(tx: ManagedTransaction, change: ChangeInput, at: string): Promise<ChangeProperties> {
    const properties = changeProperties(change, at);
    await tx.run(RECORD_CHANGE, { change: properties });
    return properties;
  }

  /** Changes to one actor or relationship, newest first. */
  async history(targetKind: ChangeTargetKind, targetId: string, limit: number): Promise<ChangeProperties[]> {
    const rows = await this.db.read(HISTORY, { targetKind, targetId, limit: neo4j.int(limit) });
    return rows.map((r) => r.change as ChangeProperties);
  }

  async actorKnown(id: string): Promise<boolean> {
    const [row] = await this.db.read(ACTOR_EXISTS, { id });
    return row?.known === true;
  }
}
