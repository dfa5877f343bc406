/**
 * How deletion works without deleting (see cypher/schema/005-curation.cypher): a deleted or
 * merged-away actor keeps its node with this extra label (and `retractedAt`, `mergedInto`), the
 * claims of a deleted relationship get it too, and a deleted relationship keeps its edge with
 * `retractedAt` set. Keeping the node and edge (same labels, type and id) is also what stops the
 * seed, which MERGEs on ids, from bringing a deleted seed record back.
 */
export const RETRACTED_LABEL = 'Retracted';
