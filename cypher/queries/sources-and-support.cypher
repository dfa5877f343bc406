// title: Sources and what they support
// description: Every source with its publisher, how many claims cite it, the relationships those claims support and the sources it cites.
// param: limit integer = 50 — Most sources
MATCH (s:Source)
OPTIONAL MATCH (c:Claim)-[:CITES]->(s)
WITH s, count(c) AS claims, collect(DISTINCT c.relationshipId) AS relationshipIds
RETURN s.title AS source, s.publisher AS publisher, s.publishedAt AS publishedAt, claims,
       size(relationshipIds) AS relationships, relationshipIds[..25] AS supports,
       COLLECT { MATCH (s)-[:CITES]->(t:Source) RETURN t.title } AS cites, s
ORDER BY claims DESC, source
LIMIT $limit
