// title: Service relationships of an actor, with evidence
// description: Every PROVIDES_SERVICES_TO edge from or to the actor, with its status and each supporting claim: the quote, who asserts it, how (stance) and the source.
// param: actor string = "microsoft" — Actor id
// param: limit integer = 50 — Most relationships
MATCH (a:Actor {id: $actor})-[r:PROVIDES_SERVICES_TO]-(other:Actor)
OPTIONAL MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(s:Source)
WITH a, r, other, c, s ORDER BY c.id
WITH a, r, other,
     collect(CASE WHEN c IS NULL THEN null ELSE {quote: c.quote, attributedTo: c.attributedTo, stance: c.stance, source: s.title} END) AS evidence
RETURN startNode(r).name AS provider, endNode(r).name AS client, r.status AS status, r.summary AS summary,
       evidence, a, r, other
ORDER BY r.id
LIMIT $limit
