// title: Who an actor boycotts, and who boycotts it
// description: Boycotts, boycott targets and calls for boycott (BOYCOTTS, TARGETS_FOR_BOYCOTT, CALLS_FOR_BOYCOTT_OF) in both directions, with who asserts each and how.
// param: actor string = "microsoft" — Actor id
// param: limit integer = 100 — Most relationships
MATCH (a:Actor {id: $actor})-[r:BOYCOTTS|TARGETS_FOR_BOYCOTT|CALLS_FOR_BOYCOTT_OF]-(other:Actor)
OPTIONAL MATCH (c:Claim {relationshipId: r.id})
WITH a, r, other, collect(DISTINCT c.attributedTo + ' (' + c.stance + ')') AS assertedBy
RETURN CASE WHEN startNode(r) = a THEN 'by ' + a.name ELSE 'against ' + a.name END AS direction,
       other.name AS otherActor, type(r) AS type, r.status AS status, assertedBy, a, r, other
ORDER BY direction, otherActor
LIMIT $limit
