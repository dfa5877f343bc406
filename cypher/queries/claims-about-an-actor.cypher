// title: Everything claimed about an actor
// description: Every claim on every relationship of the actor, in both directions: the other party, the relationship, who asserts it, the stance and the quote.
// param: actor string = "idf" — Actor id
// param: limit integer = 200 — Most claims
MATCH (a:Actor {id: $actor})-[r]-(other:Actor)
MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(s:Source)
RETURN startNode(r).name + ' ' + toLower(replace(type(r), '_', ' ')) + ' ' + endNode(r).name AS relationship,
       r.status AS status, c.attributedTo AS attributedTo, c.stance AS stance, c.quote AS quote, s.title AS source
ORDER BY relationship, attributedTo
LIMIT $limit
