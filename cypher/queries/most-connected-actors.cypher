// title: Most connected actors
// description: Actors ranked by how many relationships they have with other actors, in and out, with a breakdown by type.
// param: limit integer = 15 — Most actors
MATCH (a:Actor)
WITH a, COUNT { (a)--(:Actor) } AS degree
WHERE degree > 0
ORDER BY degree DESC, a.name
LIMIT $limit
RETURN a.name AS actor, degree,
       COLLECT { MATCH (a)-[r]-(:Actor) RETURN type(r) AS type ORDER BY type } AS types, a
