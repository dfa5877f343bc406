// title: Shortest path between two named actors
// description: How two actors connect, by name (case-insensitive), over any relationship in either direction, up to six hops.
// param: from string = "Brad Smith" — Name of the first actor
// param: to string = "Palestinian civilians" — Name of the second actor
MATCH (a:Actor) WHERE toLower(a.name) = toLower($from)
MATCH (b:Actor) WHERE toLower(b.name) = toLower($to) AND b <> a
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS types, length(p) AS hops, p
ORDER BY hops
LIMIT 10
