import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportFile, ExportGraph } from './model.js';

type Cell = string | number | boolean | null;

/**
 * One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF (or leading/trailing
 * space), with quotes doubled. null is an empty field. Text is kept verbatim (curly quotes and all).
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An RFC 4180 document: header row, CRLF line ends, a final CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const README = `Sightline export (CSV)

nodes.csv    one row per actor
edges.csv    one row per relationship (source/target are actor ids; evidenceCount = supporting claims)
claims.csv   the evidence: one row per claim (relationshipId -> edges.csv id, sourceId -> sources.csv id)
sources.csv  the documents the claims cite (cites = ids of sources this one cites)

All files are UTF-8 (no byte order mark), RFC 4180: comma-separated, header row, CRLF line ends,
fields with commas, quotes or line breaks are double-quoted with quotes doubled.
Lists (aliases, cites) are JSON arrays of strings, e.g. ["IDF","Tzahal"].
The relationship type column is named relationshipType, because Gephi's spreadsheet import reads
a column named Type as edge direction.
`;

/** The four CSV tables of a graph, by file name. */
export function csvTables(graph: ExportGraph): Record<'nodes.csv' | 'edges.csv' | 'claims.csv' | 'sources.csv', string> {
  return {
    'nodes.csv': toCsv(
      ['id', 'label', 'kind', 'name', 'aliases', 'description', 'country', 'url', 'wikidata'],
      graph.nodes.map((n) => [n.id, n.name, n.kind, n.name, JSON.stringify(n.aliases), n.description, n.country, n.url, n.wikidata]),
    ),
    'edges.csv': toCsv(
      ['id', 'source', 'target', 'relationshipType', 'label', 'status', 'summary', 'since', 'until', 'evidenceCount'],
      graph.edges.map((e) => [e.id, e.source, e.target, e.type, e.label, e.status, e.summary, e.since, e.until, e.evidenceCount]),
    ),
    'claims.csv': toCsv(
      ['id', 'relationshipId', 'quote', 'attributedTo', 'stance', 'note', 'sourceId'],
      graph.claims.map((c) => [c.id, c.relationshipId, c.quote, c.attributedTo, c.stance, c.note, c.sourceId]),
    ),
    'sources.csv': toCsv(
      ['id', 'title', 'titleNote', 'publisher', 'url', 'publishedAt', 'author', 'cites'],
      graph.sources.map((s) => [s.id, s.title, s.titleNote, s.publisher, s.url, s.publishedAt, s.author, JSON.stringify(s.cites)]),
    ),
  };
}

/** A zip of nodes.csv, edges.csv, claims.csv, sources.csv and README.txt. */
export function toCsvZip(graph: ExportGraph): ExportFile {
  const mtime = new Date(graph.meta.exportedAt);
  const files: Zippable = {};
  for (const [name, content] of Object.entries(csvTables(graph))) files[name] = [strToU8(content), { mtime }];
  files['README.txt'] = [strToU8(README), { mtime }];
  return { body: zipSync(files, { level: 6 }), contentType: 'application/zip', extension: 'zip' };
}
