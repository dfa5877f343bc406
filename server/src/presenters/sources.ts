import { encodeCursor } from '../contracts/cursor.js';
import type { SourceClaim, SourceDetail, SourceList, SourcePage, SourceRef, SourceSummary } from '../contracts/sources.js';
import type { ClaimStance } from '../contracts/vocabulary.js';
import type { SourceDetailRow, SourceRefRow, SourceRow } from '../repositories/source-repository.js';
import { presentActorNode, presentRelationshipEdge } from './elements.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Fields: id, title, titleNote, publisher, url, publishedAt, author, claimCount. */
export function presentSourceSummary(properties: Record<string, unknown>, claimCount: number): SourceSummary {
  return {
    id: String(properties.id),
    title: str(properties.title) ?? String(properties.id),
    titleNote: str(properties.titleNote),
    publisher: str(properties.publisher),
    url: str(properties.url),
    publishedAt: str(properties.publishedAt),
    author: str(properties.author),
    claimCount,
  };
}

/** Fields: id, title, publisher. */
export function presentSourceRef(row: SourceRefRow): SourceRef {
  return { id: String(row.id), title: str(row.title) ?? String(row.id), publisher: str(row.publisher) };
}

/**
 * Fields: sources (summaries), page { limit, offset, total, nextOffset, nextCursor }. A full page
 * gets a nextCursor (the last source's sort key; the next page may turn out empty); offset and
 * nextOffset are null when the page was asked for by cursor.
 */
export function presentSourceList(rows: SourceRow[], page: Pick<SourcePage, 'limit' | 'offset' | 'total'>): SourceList {
  const last = rows[rows.length - 1];
  const next = page.offset === null ? null : page.offset + rows.length;
  return {
    sources: rows.map((r) => presentSourceSummary(r.source, r.claimCount)),
    page: {
      ...page,
      nextOffset: next !== null && rows.length > 0 && next < page.total ? next : null,
      nextCursor: last && rows.length === page.limit ? encodeCursor([String(last.sortTitle ?? last.source.title ?? last.source.id), String(last.source.id)]) : null,
    },
  };
}

/** Fields: source, cites, citedBy, claims (each with its relationship edge), nodes (edge endpoints). */
export function presentSourceDetail(row: SourceDetailRow): SourceDetail {
  const nodes = new Map<string, SourceDetail['nodes'][number]>();
  const claims: SourceClaim[] = row.claims.map((c) => {
    for (const end of [c.subject, c.object]) {
      if (end) {
        const node = presentActorNode(end);
        nodes.set(node.data.id, node);
      }
    }
    return {
      id: String(c.claim.id),
      quote: str(c.claim.quote) ?? '',
      attributedTo: str(c.claim.attributedTo) ?? '',
      stance: (str(c.claim.stance) ?? 'reported') as ClaimStance,
      note: str(c.claim.note),
      relationship: c.relationship ? presentRelationshipEdge(c.relationship) : null,
    };
  });
  return {
    source: presentSourceSummary(row.source, row.claimCount),
    cites: row.cites.map(presentSourceRef),
    citedBy: row.citedBy.map(presentSourceRef),
    claims,
    nodes: [...nodes.values()],
  };
}
