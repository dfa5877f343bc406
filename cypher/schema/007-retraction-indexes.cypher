// Sightline schema, part 7: indexes of retracted relationships (curation's soft delete).
// Applied at every start: every statement is idempotent (IF NOT EXISTS) and named.
//
// A deleted or merged-away relationship keeps its edge with `retractedAt` set
// (server/src/curation/retraction.ts). GET /api/schema counts relationships per type as the count
// store's total minus the retracted ones, read from these indexes (server/src/repositories/
// schema-repository.ts) instead of reading `retractedAt` on every relationship. A relationship
// range index is per type: one per relationship type of the vocabulary (RELATIONSHIP_TYPES in
// server/src/contracts/vocabulary.ts, same order; tests/api/schema.test.ts checks the lists agree).
// Only retracted relationships have the property, so the indexes stay small and imports (which
// never set it) do not write to them.

CREATE RANGE INDEX rel_provides_services_to_retracted_at IF NOT EXISTS
FOR ()-[r:PROVIDES_SERVICES_TO]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_part_of_retracted_at IF NOT EXISTS
FOR ()-[r:PART_OF]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_member_of_retracted_at IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_leads_retracted_at IF NOT EXISTS
FOR ()-[r:LEADS]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_officer_of_retracted_at IF NOT EXISTS
FOR ()-[r:OFFICER_OF]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_employs_retracted_at IF NOT EXISTS
FOR ()-[r:EMPLOYS]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_owns_retracted_at IF NOT EXISTS
FOR ()-[r:OWNS]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_operates_retracted_at IF NOT EXISTS
FOR ()-[r:OPERATES]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_makes_retracted_at IF NOT EXISTS
FOR ()-[r:MAKES]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_uses_retracted_at IF NOT EXISTS
FOR ()-[r:USES]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_stores_data_on_retracted_at IF NOT EXISTS
FOR ()-[r:STORES_DATA_ON]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_surveils_retracted_at IF NOT EXISTS
FOR ()-[r:SURVEILS]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_partners_with_retracted_at IF NOT EXISTS
FOR ()-[r:PARTNERS_WITH]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_boycotts_retracted_at IF NOT EXISTS
FOR ()-[r:BOYCOTTS]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_targets_for_boycott_retracted_at IF NOT EXISTS
FOR ()-[r:TARGETS_FOR_BOYCOTT]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_calls_for_boycott_of_retracted_at IF NOT EXISTS
FOR ()-[r:CALLS_FOR_BOYCOTT_OF]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_reported_on_retracted_at IF NOT EXISTS
FOR ()-[r:REPORTED_ON]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_located_in_retracted_at IF NOT EXISTS
FOR ()-[r:LOCATED_IN]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_occupies_retracted_at IF NOT EXISTS
FOR ()-[r:OCCUPIES]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_represents_retracted_at IF NOT EXISTS
FOR ()-[r:REPRESENTS]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_relative_of_retracted_at IF NOT EXISTS
FOR ()-[r:RELATIVE_OF]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_associate_of_retracted_at IF NOT EXISTS
FOR ()-[r:ASSOCIATE_OF]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_linked_to_retracted_at IF NOT EXISTS
FOR ()-[r:LINKED_TO]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_sanctions_retracted_at IF NOT EXISTS
FOR ()-[r:SANCTIONS]-() ON (r.retractedAt);
CREATE RANGE INDEX rel_paid_retracted_at IF NOT EXISTS
FOR ()-[r:PAID]-() ON (r.retractedAt);
