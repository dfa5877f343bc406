// Sightline schema, part 6: indexes for time (the timeline).
// Applied at every start: every statement is idempotent (IF NOT EXISTS) and named.
//
// GET /api/timeline over the whole graph reads relationships by their since / until dates. A
// relationship range index is per type, so there is one per relationship type of the vocabulary
// and date property (RELATIONSHIP_TYPES in server/src/contracts/vocabulary.ts, same order; an
// integration test checks the lists agree). Dates are ISO partial-date strings ('2025',
// '2025-04', '2025-04-10'), whose string order is their time order (first-day semantics), so a
// range seek on the string gives the events of a period in time order.

CREATE RANGE INDEX rel_provides_services_to_since IF NOT EXISTS
FOR ()-[r:PROVIDES_SERVICES_TO]-() ON (r.since);

CREATE RANGE INDEX rel_provides_services_to_until IF NOT EXISTS
FOR ()-[r:PROVIDES_SERVICES_TO]-() ON (r.until);

CREATE RANGE INDEX rel_part_of_since IF NOT EXISTS
FOR ()-[r:PART_OF]-() ON (r.since);

CREATE RANGE INDEX rel_part_of_until IF NOT EXISTS
FOR ()-[r:PART_OF]-() ON (r.until);

CREATE RANGE INDEX rel_member_of_since IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() ON (r.since);

CREATE RANGE INDEX rel_member_of_until IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() ON (r.until);

CREATE RANGE INDEX rel_leads_since IF NOT EXISTS
FOR ()-[r:LEADS]-() ON (r.since);

CREATE RANGE INDEX rel_leads_until IF NOT EXISTS
FOR ()-[r:LEADS]-() ON (r.until);

CREATE RANGE INDEX rel_officer_of_since IF NOT EXISTS
FOR ()-[r:OFFICER_OF]-() ON (r.since);

CREATE RANGE INDEX rel_officer_of_until IF NOT EXISTS
FOR ()-[r:OFFICER_OF]-() ON (r.until);

CREATE RANGE INDEX rel_employs_since IF NOT EXISTS
FOR ()-[r:EMPLOYS]-() ON (r.since);

CREATE RANGE INDEX rel_employs_until IF NOT EXISTS
FOR ()-[r:EMPLOYS]-() ON (r.until);

CREATE RANGE INDEX rel_owns_since IF NOT EXISTS
FOR ()-[r:OWNS]-() ON (r.since);

CREATE RANGE INDEX rel_owns_until IF NOT EXISTS
FOR ()-[r:OWNS]-() ON (r.until);

CREATE RANGE INDEX rel_operates_since IF NOT EXISTS
FOR ()-[r:OPERATES]-() ON (r.since);

CREATE RANGE INDEX rel_operates_until IF NOT EXISTS
FOR ()-[r:OPERATES]-() ON (r.until);

CREATE RANGE INDEX rel_makes_since IF NOT EXISTS
FOR ()-[r:MAKES]-() ON (r.since);

CREATE RANGE INDEX rel_makes_until IF NOT EXISTS
FOR ()-[r:MAKES]-() ON (r.until);

CREATE RANGE INDEX rel_uses_since IF NOT EXISTS
FOR ()-[r:USES]-() ON (r.since);

CREATE RANGE INDEX rel_uses_until IF NOT EXISTS
FOR ()-[r:USES]-() ON (r.until);

CREATE RANGE INDEX rel_stores_data_on_since IF NOT EXISTS
FOR ()-[r:STORES_DATA_ON]-() ON (r.since);

CREATE RANGE INDEX rel_stores_data_on_until IF NOT EXISTS
FOR ()-[r:STORES_DATA_ON]-() ON (r.until);

CREATE RANGE INDEX rel_surveils_since IF NOT EXISTS
FOR ()-[r:SURVEILS]-() ON (r.since);

CREATE RANGE INDEX rel_surveils_until IF NOT EXISTS
FOR ()-[r:SURVEILS]-() ON (r.until);

CREATE RANGE INDEX rel_partners_with_since IF NOT EXISTS
FOR ()-[r:PARTNERS_WITH]-() ON (r.since);

CREATE RANGE INDEX rel_partners_with_until IF NOT EXISTS
FOR ()-[r:PARTNERS_WITH]-() ON (r.until);

CREATE RANGE INDEX rel_boycotts_since IF NOT EXISTS
FOR ()-[r:BOYCOTTS]-() ON (r.since);

CREATE RANGE INDEX rel_boycotts_until IF NOT EXISTS
FOR ()-[r:BOYCOTTS]-() ON (r.until);

CREATE RANGE INDEX rel_targets_for_boycott_since IF NOT EXISTS
FOR ()-[r:TARGETS_FOR_BOYCOTT]-() ON (r.since);

CREATE RANGE INDEX rel_targets_for_boycott_until IF NOT EXISTS
FOR ()-[r:TARGETS_FOR_BOYCOTT]-() ON (r.until);

CREATE RANGE INDEX rel_calls_for_boycott_of_since IF NOT EXISTS
FOR ()-[r:CALLS_FOR_BOYCOTT_OF]-() ON (r.since);

CREATE RANGE INDEX rel_calls_for_boycott_of_until IF NOT EXISTS
FOR ()-[r:CALLS_FOR_BOYCOTT_OF]-() ON (r.until);

CREATE RANGE INDEX rel_reported_on_since IF NOT EXISTS
FOR ()-[r:REPORTED_ON]-() ON (r.since);

CREATE RANGE INDEX rel_reported_on_until IF NOT EXISTS
FOR ()-[r:REPORTED_ON]-() ON (r.until);

CREATE RANGE INDEX rel_located_in_since IF NOT EXISTS
FOR ()-[r:LOCATED_IN]-() ON (r.since);

CREATE RANGE INDEX rel_located_in_until IF NOT EXISTS
FOR ()-[r:LOCATED_IN]-() ON (r.until);

CREATE RANGE INDEX rel_occupies_since IF NOT EXISTS
FOR ()-[r:OCCUPIES]-() ON (r.since);

CREATE RANGE INDEX rel_occupies_until IF NOT EXISTS
FOR ()-[r:OCCUPIES]-() ON (r.until);

CREATE RANGE INDEX rel_represents_since IF NOT EXISTS
FOR ()-[r:REPRESENTS]-() ON (r.since);

CREATE RANGE INDEX rel_represents_until IF NOT EXISTS
FOR ()-[r:REPRESENTS]-() ON (r.until);

CREATE RANGE INDEX rel_relative_of_since IF NOT EXISTS
FOR ()-[r:RELATIVE_OF]-() ON (r.since);

CREATE RANGE INDEX rel_relative_of_until IF NOT EXISTS
FOR ()-[r:RELATIVE_OF]-() ON (r.until);

CREATE RANGE INDEX rel_associate_of_since IF NOT EXISTS
FOR ()-[r:ASSOCIATE_OF]-() ON (r.since);

CREATE RANGE INDEX rel_associate_of_until IF NOT EXISTS
FOR ()-[r:ASSOCIATE_OF]-() ON (r.until);

CREATE RANGE INDEX rel_linked_to_since IF NOT EXISTS
FOR ()-[r:LINKED_TO]-() ON (r.since);

CREATE RANGE INDEX rel_linked_to_until IF NOT EXISTS
FOR ()-[r:LINKED_TO]-() ON (r.until);

CREATE RANGE INDEX rel_sanctions_since IF NOT EXISTS
FOR ()-[r:SANCTIONS]-() ON (r.since);

CREATE RANGE INDEX rel_sanctions_until IF NOT EXISTS
FOR ()-[r:SANCTIONS]-() ON (r.until);

CREATE RANGE INDEX rel_paid_since IF NOT EXISTS
FOR ()-[r:PAID]-() ON (r.since);

CREATE RANGE INDEX rel_paid_until IF NOT EXISTS
FOR ()-[r:PAID]-() ON (r.until);

// Dated sources in time order (the timeline's `published` events).
CREATE RANGE INDEX source_published_at IF NOT EXISTS
FOR (s:Source) ON (s.publishedAt);
