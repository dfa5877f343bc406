// title: Relationships that ended
// description: Relationships whose status is ended or that have an end date (until), with the claims that say so.
// param: limit integer = 100 — Most relationships
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.status = 'ended' OR r.until IS NOT NULL
OPTIONAL MATCH (c:Claim {relationshipId: r.id})
WITH a, r, b, collect(c.attributedTo + ': “' + c.quote + '”') AS claims
RETURN a.name AS subject, type(r) AS type, b.name AS object, r.status AS status, r.since AS since, r.until AS until,
       claims, a, r, b
ORDER BY subject, type, object
LIMIT $limit
