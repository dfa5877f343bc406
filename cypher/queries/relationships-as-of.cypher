// title: Relationships as of a date
// description: Relationships that hold on a date: started (since unknown or on or before it) and not yet ended (until unknown or after it), as the explorer's "as of" filter reads them. Partial dates (2025, 2025-04) count from their first day.
// param: asOf date = "2025-06-01" — The date: YYYY, YYYY-MM or YYYY-MM-DD
// param: limit integer = 200 — Most relationships
MATCH (a:Actor)-[r]->(b:Actor)
WHERE (r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR $asOf < r.until)
RETURN a.name AS subject, type(r) AS type, b.name AS object, r.status AS status,
       coalesce(r.since, 'unknown') AS since, coalesce(r.until, 'unknown') AS until, a, r, b
ORDER BY subject, type, object
LIMIT $limit
