// title: An actor's organisational parents (PART_OF chains)
// description: The chains of PART_OF relationships upwards from an actor, longest first, with the status of each link.
// param: actor string = "unit-8200" — Actor id
// param: maxDepth integer = 5 — Longest chain followed (at most 10)
MATCH p = (a:Actor {id: $actor})-[:PART_OF*1..10]->(parent:Actor)
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | r.status] AS statuses, length(p) AS depth, parent.name AS top, p
ORDER BY depth DESC, top
