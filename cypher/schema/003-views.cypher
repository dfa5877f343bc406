// Sightline schema, part 3: saved views (POST /api/views).
// A (:View {id, version, previousVersionOf?, createdAt, mode, title, caption?, definition, layout,
// style, snapshot?}) node is immutable: editing a view creates a new :View whose
// previousVersionOf is the old id. definition, layout, style and snapshot are JSON strings.

CREATE CONSTRAINT view_id_unique IF NOT EXISTS
FOR (v:View) REQUIRE v.id IS UNIQUE;

// "Is there a newer version of this view?" (GET /api/views/:id reports them).
CREATE INDEX view_previous_version IF NOT EXISTS
FOR (v:View) ON (v.previousVersionOf);
