import { FTM_EDGES, FTM_FALLBACK_EDGE, FTM_SANCTION, KIND_TO_FTM_SCHEMA } from '../import/ftm/mapping.js';
import type { ExportClaim, ExportFile, ExportGraph, ExportSource } from './model.js';

/** The `datasets` value of every exported entity. */
export const FTM_DATASET = 'sightline';

interface FtmLine {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

const list = (...values: (string | null | undefined)[]): string[] => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];

function compact(properties: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v.length > 0));
}

/**
 * FollowTheMoney JSON lines (one entity per line), as OpenSanctions and Aleph read them: actors
 * become Person, Company, PublicBody, Organization or LegalEntity entities (name, alias, summary =
 * the description, country, website, wikidataId); relationships become interval entities — the
 * FtM equivalents of the importer's table (Ownership, Directorship, Membership, Employment,
 * Representation, Family, Associate, UnknownLink, Payment, Sanction with the subject's name as
 * authority), and UnknownLink with the type's reading as `role` for types FtM has no schema for.
 * Evidence travels in the interval: startDate/endDate, summary, `sourceUrl` and `publisher` of the
 * cited sources, and each claim as a `description` line ("attributedTo (stance): “quote”").
 * Ids are Sightline's, so importing the file back with an empty namespace lands on the same nodes.
 */
export function toFtm(graph: ExportGraph): ExportFile {
  const lines: FtmLine[] = [];
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  for (const n of graph.nodes) {
    lines.push({
      id: n.id,
      schema: KIND_TO_FTM_SCHEMA[n.kind],
      caption: n.name,
      properties: compact({
        name: [n.name],
        alias: list(...n.aliases),
        summary: list(n.description),
        country: list(n.country?.toLowerCase()),
        website: list(n.url),
        wikidataId: list(n.wikidata),
      }),
      datasets: [FTM_DATASET],
    });
  }
  const claimsOf = new Map<string, ExportClaim[]>();
  for (const c of graph.claims) claimsOf.set(c.relationshipId, [...(claimsOf.get(c.relationshipId) ?? []), c]);
  const sources = new Map<string, ExportSource>(graph.sources.map((s) => [s.id, s]));
  for (const e of graph.edges) {
    const claims = claimsOf.get(e.id) ?? [];
    const cited = claims.map((c) => (c.sourceId ? sources.get(c.sourceId) : undefined)).filter((s): s is ExportSource => s !== undefined);
    const evidence: Record<string, string[]> = {
      startDate: list(e.since),
      endDate: list(e.until),
      summary: list(e.summary),
      description: list(...claims.map((c) => `${c.attributedTo} (${c.stance}): “${c.quote}”`)),
      sourceUrl: list(...cited.map((s) => s.url)),
      publisher: list(...cited.map((s) => s.publisher)),
    };
    if (e.type === FTM_SANCTION.type) {
      lines.push({
        id: e.id,
        schema: FTM_SANCTION.schema,
        caption: 'Sanction',
        properties: compact({ [FTM_SANCTION.entity]: [e.target], [FTM_SANCTION.authority]: list(names.get(e.source) ?? e.source), ...evidence }),
        datasets: [FTM_DATASET],
      });
      continue;
    }
    const edge = FTM_EDGES.find((m) => m.type === e.type) ?? FTM_FALLBACK_EDGE;
    const role = edge === FTM_FALLBACK_EDGE ? [e.label] : [];
    lines.push({
      id: e.id,
      schema: edge.schema,
      caption: edge.schema,
      properties: compact({ [edge.subject]: [e.source], [edge.object]: [e.target], role, ...evidence }),
      datasets: [FTM_DATASET],
    });
  }
  return { body: lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length > 0 ? '\n' : ''), contentType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.json' };
}
