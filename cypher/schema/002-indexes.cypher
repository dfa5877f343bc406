// Sightline schema, part 2: indexes.
// Applied at every start: every statement is idempotent (IF NOT EXISTS) and named.

// Claims are looked up by the id of the relationship they support.
CREATE INDEX claim_relationship_id IF NOT EXISTS
FOR (c:Claim) ON (c.relationshipId);

// Sorting and exact lookups of actors by name.
CREATE RANGE INDEX actor_name IF NOT EXISTS
FOR (n:Actor) ON (n.name);

// Full-text search over actors.
// aliases is a LIST<STRING>: Neo4j 5 full-text indexes index each string of a list property
// (verified on 5.26 by querying a name that only appears in the list), so no derived string
// property is needed.
// standard-folding is the standard analyzer plus ASCII folding: case- and diacritic-insensitive
// (Zoë matches zoe, Élite matches elite). Like standard, it drops English stop words.
// eventually_consistent false: a committed actor is searchable as soon as its transaction returns.
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS
FOR (n:Actor) ON EACH [n.name, n.aliases, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Full-text search over sources, same analyzer.
CREATE FULLTEXT INDEX source_search IF NOT EXISTS
FOR (n:Source) ON EACH [n.title, n.publisher]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
