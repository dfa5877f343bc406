// Sightline schema, part 5: curation (server/src/curation, server/src/repositories/curation-repository.ts).
// Applied at every start: every statement is idempotent (IF NOT EXISTS) and named.
//
// Every change made through the curation API is recorded as
//   (:Change {id, at, by, action, targetKind, targetId, before, after})
// with `before` / `after` the JSON of the record around the change. Changes to an actor are also
// linked to it: (:Change)-[:CHANGED]->(:Actor). Relationships cannot be the end of a relationship
// in Neo4j, so a relationship's changes are found by (targetKind, targetId).
// Nothing is deleted: a deleted actor or a merged-away one keeps its node with the extra label
// :Retracted (plus retractedAt, and mergedInto for a merge), a deleted relationship keeps its edge
// with retractedAt set, and the claims of a deleted relationship get :Retracted. Reads skip them.

CREATE CONSTRAINT change_id_unique IF NOT EXISTS
FOR (c:Change) REQUIRE c.id IS UNIQUE;

// History of one actor or relationship, newest first.
CREATE INDEX change_target IF NOT EXISTS
FOR (c:Change) ON (c.targetKind, c.targetId);

// Ids merged into an actor: re-pointed when that actor is itself merged away.
CREATE INDEX actor_merged_into IF NOT EXISTS
FOR (n:Actor) ON (n.mergedInto);
