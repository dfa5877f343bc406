import type { Citation, ExportFile, ExportGraph } from './model.js';

/**
 * Every source behind the exported edges: the sources cited by the claims of exported
 * relationships, with how many of those relationships (and claims) each supports. Sorted by
 * edges supported (most first), then publisher and title.
 */
export function citationsOf(graph: ExportGraph): Citation[] {
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const edgesBySource = new Map<string, Set<string>>();
  const claimsBySource = new Map<string, number>();
  for (const claim of graph.claims) {
    if (!claim.sourceId || !edgeIds.has(claim.relationshipId)) continue;
    const edges = edgesBySource.get(claim.sourceId) ?? new Set<string>();
    edges.add(claim.relationshipId);
    edgesBySource.set(claim.sourceId, edges);
    claimsBySource.set(claim.sourceId, (claimsBySource.get(claim.sourceId) ?? 0) + 1);
  }
  const citations: Citation[] = [];
  for (const s of graph.sources) {
    const edges = edgesBySource.get(s.id);
    if (!edges) continue;
    citations.push({
      id: s.id,
      title: s.title,
      titleNote: s.titleNote,
      publisher: s.publisher,
      url: s.url,
      publishedAt: s.publishedAt,
      author: s.author,
      edgeCount: edges.size,
      claimCount: claimsBySource.get(s.id) ?? 0,
    });
  }
  return citations.sort(
    (a, b) => b.edgeCount - a.edgeCount || a.publisher.localeCompare(b.publisher) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** One numbered entry: `1. Publisher. “Title.” Author, date. URL. Supports …`. */
function citationLine(c: Citation, index: number): string {
  const parts = [`${index + 1}. ${c.publisher}. “${c.title}.”`];
  if (c.titleNote) parts.push(`[${c.titleNote}]`);
  parts.push(`${c.author ? `${c.author}, ` : ''}${c.publishedAt ?? 'undated'}.`);
  parts.push(c.url ? `${c.url}.` : 'No URL recorded.');
  parts.push(`Supports ${plural(c.edgeCount, 'exported relationship', 'exported relationships')} (${plural(c.claimCount, 'claim', 'claims')}).`);
  return parts.join(' ');
}

/** The citation list as JSON `{ data: [...] }` (JSON) or a plain-text numbered list (text). */
export function toCitations(graph: ExportGraph, citationFormat: 'json' | 'text'): ExportFile {
  const citations = citationsOf(graph);
  if (citationFormat === 'json') {
    return {
      body: JSON.stringify({ data: citations, meta: { ...graph.meta, edgeCount: graph.edges.length } }, null, 2),
      contentType: 'application/json; charset=utf-8',
      extension: 'citations.json',
    };
  }
  const heading =
    `Sources behind ${plural(graph.edges.length, 'relationship', 'relationships')} exported from Sightline ` +
    `(${graph.meta.name}), ${graph.meta.exportedAt.slice(0, 10)}`;
  const lines = citations.length === 0 ? ['No sources: the export has no relationships with evidence.'] : citations.map(citationLine);
  return {
    body: `${heading}\n\n${lines.join('\n')}\n`,
    contentType: 'text/plain; charset=utf-8',
    extension: 'citations.txt',
  };
}
