import type { Evidence } from '../contracts/elements.js';
import type { RelationshipDetail } from '../contracts/relationships.js';
import type { ClaimStance } from '../contracts/vocabulary.js';
import type { EvidenceRow, RelationshipDetailRow } from '../repositories/relationship-repository.js';
import { presentActorNode, presentRelationshipEdge } from './elements.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Fields: id, quote, attributedTo, stance, note, source { id, title, publisher, url, publishedAt, author }. */
export function presentEvidence(row: EvidenceRow): Evidence {
  const c = row.claim;
  const s = row.source;
  return {
    id: String(c.id),
    quote: str(c.quote) ?? '',
    attributedTo: str(c.attributedTo) ?? '',
    stance: (str(c.stance) ?? 'reported') as ClaimStance,
    note: str(c.note),
    source: s
      ? {
          id: String(s.id),
          title: str(s.title) ?? String(s.id),
          publisher: str(s.publisher),
          url: str(s.url),
          publishedAt: str(s.publishedAt),
          author: str(s.author),
        }
      : null,
  };
}

/** Fields: relationship (edge data), subject and object (node data), evidence (every claim). */
export function presentRelationshipDetail(row: RelationshipDetailRow): RelationshipDetail {
  const subject = presentActorNode(row.subject);
  const object = presentActorNode(row.object);
  return {
    relationship: presentRelationshipEdge({
      type: row.type,
      source: subject.data.id,
      target: object.data.id,
      properties: row.properties,
      evidenceCount: row.evidence.length,
    }),
    subject,
    object,
    evidence: row.evidence.map(presentEvidence),
  };
}
