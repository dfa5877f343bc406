/**
 * Exports of what is on the canvas: PNG and SVG images, Cytoscape JSON and GraphML of the
 * elements shown, and the citation list of the sources behind the edges shown.
 *
 * GraphML and the citation text are written by the server's own exporters
 * (server/src/exporters: pure modules, no Node APIs), fed with the canvas's elements, so a GraphML
 * saved from the canvas reads exactly like one from GET /api/export. The server cannot export
 * "what is on screen" itself: the canvas may hold fewer relationships than the induced subgraph
 * (filters, asOf), so only the evidence comes from the API (GET /api/export?format=json&depth=0).
 */
import cytoscape, { type Core } from 'cytoscape';
import svg from 'cytoscape-svg';
import { toCitations } from '../../../server/src/exporters/citations.js';
import { toGraphml } from '../../../server/src/exporters/graphml.js';
import type { ExportClaim, ExportGraph, ExportSource } from '../../../server/src/exporters/model.js';
import type { CyEdgeData, CyNodeData } from '../graph/types.js';
import { h } from './dom.js';

cytoscape.use(svg);

/** At most this many actor ids per export request (the API's MAX_EXPORT_IDS is 50: two halves of 25). */
const CHUNK = 25;

export function download(filename: string, body: Blob | string, type: string): void {
  const blob = typeof body === 'string' ? new Blob([body], { type }) : body;
  const href = URL.createObjectURL(blob);
  const a = h('a', { href, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The canvas as an SVG document (vector: text stays text, scales without blur). */
export function canvasSvg(cy: Core): string {
  return (cy as unknown as { svg(options: Record<string, unknown>): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
}

const shown = (cy: Core) => ({ nodes: cy.nodes(':visible'), edges: cy.edges(':visible') });

/** Cytoscape.js JSON of the elements shown, with positions and classes: `cytoscape({ elements })` loads it back. */
export function canvasCyjs(cy: Core, name: string): string {
  const { nodes, edges } = shown(cy);
  return JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'Sightline',
      target_cytoscapejs_version: '~3.30',
      data: { name, exportedAt: new Date().toISOString(), view: window.location.href },
      elements: {
        nodes: nodes.map((n) => ({ data: n.data() as CyNodeData, position: { ...n.position() }, classes: n.classes().join(' ') })),
        edges: edges.map((e) => ({ data: e.data() as CyEdgeData, classes: e.classes().join(' ') })),
      },
    },
    null,
    2,
  );
}

/** The elements shown, as the exporters' model (evidence empty until fetched). */
export function canvasExportGraph(cy: Core, name: string): ExportGraph {
  const { nodes, edges } = shown(cy);
  return {
    meta: { name, exportedAt: new Date().toISOString(), ids: nodes.map((n) => n.id()), depth: 0 },
    nodes: nodes.map((n) => {
      const d = n.data() as CyNodeData;
      return { id: d.id, kind: d.kind, name: d.name, aliases: d.aliases, description: d.description, country: d.country, url: d.url, wikidata: d.wikidata };
    }),
    edges: edges.map((e) => {
      const d = e.data() as CyEdgeData;
      return { id: d.id, type: d.type, label: d.label, source: d.source, target: d.target, status: d.status, summary: d.summary, since: d.since, until: d.until, evidenceCount: d.evidenceCount };
    }),
    claims: [],
    sources: [],
  };
}

export function canvasGraphml(cy: Core, name: string): string {
  return String(toGraphml(canvasExportGraph(cy, name)).body);
}

interface JsonExport {
  claims: Array<Partial<ExportClaim> & { id: string; relationshipId: string }>;
  sources: Array<Partial<ExportSource> & { id: string; title: string; publisher: string }>;
}

/** Pairs of id chunks whose union covers every pair of actors (so every edge between two shown actors is in some request). */
export function chunkPairs(ids: readonly string[], size = CHUNK): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  if (chunks.length <= 1) return chunks;
  const out: string[][] = [];
  for (let i = 0; i < chunks.length; i++) for (let j = i + 1; j < chunks.length; j++) out.push([...(chunks[i] as string[]), ...(chunks[j] as string[])]);
  return out;
}

/** The claims and sources behind the shown edges, from the API's lossless JSON export. */
export async function withEvidence(graph: ExportGraph): Promise<ExportGraph> {
  const wanted = new Set(graph.edges.map((e) => e.id));
  const claims = new Map<string, ExportClaim>();
  const sources = new Map<string, ExportSource>();
  const withEdges = [...new Set(graph.edges.flatMap((e) => [e.source, e.target]))];
  for (const ids of chunkPairs(withEdges)) {
    const response = await fetch(`/api/export?format=json&depth=0&ids=${ids.map(encodeURIComponent).join(',')}`, { headers: { accept: 'application/json' } });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(`sightline/export: the evidence could not be fetched (${body?.error?.message ?? `HTTP ${response.status}`})`);
    }
    const doc = (await response.json()) as JsonExport;
    for (const c of doc.claims) {
      if (!wanted.has(c.relationshipId)) continue;
      claims.set(c.id, { id: c.id, quote: c.quote ?? '', attributedTo: c.attributedTo ?? '', stance: c.stance ?? 'reported', relationshipId: c.relationshipId, note: c.note ?? null, sourceId: c.sourceId ?? null });
    }
    for (const s of doc.sources) {
      sources.set(s.id, { id: s.id, title: s.title, titleNote: s.titleNote ?? null, publisher: s.publisher, url: s.url ?? null, publishedAt: s.publishedAt ?? null, author: s.author ?? null, cites: s.cites ?? [] });
    }
  }
  return { ...graph, claims: [...claims.values()], sources: [...sources.values()] };
}

/** The numbered citation list (text) or its JSON form, of the sources behind the edges shown. */
export async function canvasCitations(cy: Core, name: string, format: 'text' | 'json'): Promise<string> {
  return String(toCitations(await withEvidence(canvasExportGraph(cy, name)), format).body);
}
