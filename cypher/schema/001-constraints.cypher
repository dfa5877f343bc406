// Sightline schema, part 1: uniqueness constraints.
// Applied at every start: every statement is idempotent (IF NOT EXISTS) and named.
// Each uniqueness constraint is backed by a range index, so lookups by id need no other index.
// Neo4j 5 Community supports node and relationship property uniqueness constraints.
// Existence and type constraints are Enterprise-only, so property shapes are checked
// by the zod schemas in server/src/contracts/vocabulary.ts instead.

CREATE CONSTRAINT actor_id_unique IF NOT EXISTS
FOR (n:Actor) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT source_id_unique IF NOT EXISTS
FOR (n:Source) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT claim_id_unique IF NOT EXISTS
FOR (n:Claim) REQUIRE n.id IS UNIQUE;

// Which seed files have been applied, and with which content (see applySeed): a seed file is
// re-applied only when its content changes.
CREATE CONSTRAINT seed_file_name_unique IF NOT EXISTS
FOR (f:SeedFile) REQUIRE f.name IS UNIQUE;

// One relationship id constraint per relationship type of the vocabulary
// (RELATIONSHIP_TYPES in server/src/contracts/vocabulary.ts, same order).
// A type added there needs its line here, an integration test checks both lists agree.

CREATE CONSTRAINT rel_provides_services_to_id_unique IF NOT EXISTS
FOR ()-[r:PROVIDES_SERVICES_TO]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_part_of_id_unique IF NOT EXISTS
FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_member_of_id_unique IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_leads_id_unique IF NOT EXISTS
FOR ()-[r:LEADS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_officer_of_id_unique IF NOT EXISTS
FOR ()-[r:OFFICER_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_employs_id_unique IF NOT EXISTS
FOR ()-[r:EMPLOYS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_owns_id_unique IF NOT EXISTS
FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_operates_id_unique IF NOT EXISTS
FOR ()-[r:OPERATES]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_makes_id_unique IF NOT EXISTS
FOR ()-[r:MAKES]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_uses_id_unique IF NOT EXISTS
FOR ()-[r:USES]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_stores_data_on_id_unique IF NOT EXISTS
FOR ()-[r:STORES_DATA_ON]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_surveils_id_unique IF NOT EXISTS
FOR ()-[r:SURVEILS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_partners_with_id_unique IF NOT EXISTS
FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_boycotts_id_unique IF NOT EXISTS
FOR ()-[r:BOYCOTTS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_targets_for_boycott_id_unique IF NOT EXISTS
FOR ()-[r:TARGETS_FOR_BOYCOTT]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_calls_for_boycott_of_id_unique IF NOT EXISTS
FOR ()-[r:CALLS_FOR_BOYCOTT_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_reported_on_id_unique IF NOT EXISTS
FOR ()-[r:REPORTED_ON]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_located_in_id_unique IF NOT EXISTS
FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_occupies_id_unique IF NOT EXISTS
FOR ()-[r:OCCUPIES]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_represents_id_unique IF NOT EXISTS
FOR ()-[r:REPRESENTS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_relative_of_id_unique IF NOT EXISTS
FOR ()-[r:RELATIVE_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_associate_of_id_unique IF NOT EXISTS
FOR ()-[r:ASSOCIATE_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_linked_to_id_unique IF NOT EXISTS
FOR ()-[r:LINKED_TO]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_sanctions_id_unique IF NOT EXISTS
FOR ()-[r:SANCTIONS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_paid_id_unique IF NOT EXISTS
FOR ()-[r:PAID]-() REQUIRE r.id IS UNIQUE;

// Import jobs (server/src/import/): one node per run, its id unique (GET /api/import/:jobId reads it).
CREATE CONSTRAINT import_job_id_unique IF NOT EXISTS
FOR (j:ImportJob) REQUIRE j.id IS UNIQUE;
