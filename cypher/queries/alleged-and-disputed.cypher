// title: Alleged and disputed relationships, with their claims
// description: Relationships whose status is alleged or disputed, each with every claim behind it (who asserts it, stance, quote): accusations stay accusations.
// param: statuses list<string> = ["alleged", "disputed"] — Statuses to list
// param: limit integer = 100 — Most relationships
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.status IN $statuses
OPTIONAL MATCH (c:Claim {relationshipId: r.id})
WITH a, r, b, c ORDER BY c.id
WITH a, r, b, collect(CASE WHEN c IS NULL THEN null ELSE {attributedTo: c.attributedTo, stance: c.stance, quote: c.quote} END) AS claims
RETURN a.name AS subject, type(r) AS type, b.name AS object, r.status AS status, claims, a, r, b
ORDER BY status, subject, type
LIMIT $limit
