// title: Actors reported by only a single source
// description: Actors all of whose relationships rest on claims from one source only: the places where a second source would help most.
// param: limit integer = 100 — Most actors
MATCH (a:Actor)-[r]-(:Actor)
MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(s:Source)
WITH a, collect(DISTINCT s.title) AS sources, count(DISTINCT r) AS relationships, count(DISTINCT c) AS claims
WHERE size(sources) = 1
RETURN a.name AS actor, labels(a) AS labels, sources[0] AS onlySource, relationships, claims, a
ORDER BY relationships DESC, actor
LIMIT $limit
