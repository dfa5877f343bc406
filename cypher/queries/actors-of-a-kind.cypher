// title: Actors of a kind
// description: Every actor of one kind (Company, MilitaryUnit, GovernmentBody, Movement, Person, Product…), with its aliases and how many relationships it has.
// param: kind string = "MilitaryUnit" — Actor kind (a label of the vocabulary)
// param: limit integer = 200 — Most actors
MATCH (a:Actor)
WHERE $kind IN labels(a)
RETURN a.name AS actor, a.aliases AS aliases, a.country AS country, COUNT { (a)--(:Actor) } AS relationships, a
ORDER BY actor
LIMIT $limit
