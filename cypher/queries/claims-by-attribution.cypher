// title: Claims by attribution (who asserts what)
// description: Every claim grouped by the party it is attributed to, with its stance, quote, the relationship it supports and its source. Leave attributedTo empty for everyone.
// param: attributedTo string = "" — Only claims attributed to this party, exactly as written (empty: everyone)
// param: limit integer = 200 — Most claims
MATCH (c:Claim)-[:CITES]->(s:Source)
WHERE $attributedTo = '' OR c.attributedTo = $attributedTo
WITH c, s ORDER BY c.attributedTo, c.stance, c.id LIMIT $limit
OPTIONAL MATCH (a:Actor)-[r]->(b:Actor) WHERE r.id = c.relationshipId
RETURN c.attributedTo AS attributedTo, c.stance AS stance, c.quote AS quote,
       a.name + ' ' + toLower(replace(type(r), '_', ' ')) + ' ' + b.name AS supports, r.status AS status, s.title AS source
ORDER BY attributedTo, stance, quote
