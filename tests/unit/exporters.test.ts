import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { actorSchema, claimSchema, relationshipSchema, sourceSchema } from '../../server/src/contracts/vocabulary.js';
import { citationsOf } from '../../server/src/exporters/citations.js';
import { csvField, csvTables, toCsv } from '../../server/src/exporters/csv.js';
import { EXPORT_FORMATS, exportFilename, renderExport } from '../../server/src/exporters/index.js';
import type { ExportGraph } from '../../server/src/exporters/model.js';
import { escapeXmlAttribute, xmlSafe } from '../../server/src/exporters/xml.js';

/** Text that breaks naive serialisers: commas, quotes, curly quotes, newlines, markup, a control char. */
const NASTY = 'He said, “no” — "quoted" & <b>bold</b>\nsecond line\r\nthird; semi ’apostrophe’';

function sampleGraph(): ExportGraph {
  return {
    meta: { name: 'Sightline: acme, bob (depth 1)', exportedAt: '2025-04-07T12:00:00.000Z', ids: ['acme', 'bob'], depth: 1 },
    nodes: [
      {
        id: 'acme',
        kind: 'Company',
        name: 'Acme, Inc. “the best”',
        aliases: ['ACME', 'Acme; Co', 'Acme, "Inc"'],
        description: NASTY,
        country: 'US',
        url: 'https://acme.example/?a=1&b=2',
        wikidata: 'Q1',
      },
      { id: 'bob', kind: 'Person', name: 'Bob', aliases: [], description: 'A person.', country: null, url: null, wikidata: null },
      { id: 'gaza', kind: 'Place', name: 'Gaza', aliases: ['Gaza Strip'], description: 'A place\u0001 with a control char.', country: 'PS', url: null, wikidata: null },
    ],
    edges: [
      {
        id: 'bob-officer-of-acme',
        type: 'OFFICER_OF',
        label: 'is an officer of',
        source: 'bob',
        target: 'acme',
        status: 'ended',
        summary: NASTY,
        since: '2020',
        until: '2024-03',
        evidenceCount: 2,
      },
      {
        id: 'acme-located-in-gaza',
        type: 'LOCATED_IN',
        label: 'is located in',
        source: 'acme',
        target: 'gaza',
        status: 'alleged',
        summary: 'An NGO alleges it.',
        since: null,
        until: null,
        evidenceCount: 1,
      },
    ],
    claims: [
      { id: 'c1', quote: NASTY, attributedTo: 'The “Guardian”', stance: 'reported', relationshipId: 'bob-officer-of-acme', note: null, sourceId: 'news' },
      { id: 'c2', quote: 'Bob, CEO', attributedTo: 'Bob', stance: 'stated', relationshipId: 'bob-officer-of-acme', note: 'On the record.', sourceId: 'news' },
      { id: 'c3', quote: 'Acme in Gaza', attributedTo: 'NGO', stance: 'alleged', relationshipId: 'acme-located-in-gaza', note: null, sourceId: 'ngo-report' },
    ],
    sources: [
      { id: 'news', title: 'Bob leaves, “finally”', titleNote: null, publisher: 'Daily News', url: 'https://news.example/a', publishedAt: '2024-03-02', author: 'Jane Doe', cites: ['ngo-report'] },
      { id: 'ngo-report', title: 'Report', titleNote: 'Descriptive title.', publisher: 'NGO', url: null, publishedAt: null, author: null, cites: [] },
    ],
  };
}

const asText = (body: string | Uint8Array): string => (typeof body === 'string' ? body : strFromU8(body));

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF) to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, parseTagValue: false, parseAttributeValue: false });

const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
const hasNetworkx = python.status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'sightline-exporters-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a Python snippet on a file; returns its JSON output. */
function runPython(script: string, file: string): unknown {
  const out = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

describe('exporters: every format renders', () => {
  it.each(EXPORT_FORMATS)('%s gives a non-empty body with a content type and an extension', (format) => {
    const file = renderExport(sampleGraph(), format);
    expect(file.body.length).toBeGreaterThan(0);
    expect(file.contentType).toMatch(/^(application|text)\//);
    expect(file.extension).toMatch(/^[a-z.]+$/);
  });

  it('names files sightline-<ids or all>-<date>.<ext>', () => {
    expect(exportFilename(['microsoft'], '2025-04-07T10:00:00Z', 'graphml')).toBe('sightline-microsoft-2025-04-07.graphml');
    expect(exportFilename(null, '2025-04-07T10:00:00Z', 'zip')).toBe('sightline-all-2025-04-07.zip');
    expect(exportFilename(['a', 'b', 'c', 'd', 'e'], '2025-04-07T10:00:00Z', 'json')).toBe('sightline-a_b_c-and-2-more-2025-04-07.json');
  });
});

describe('cyjs', () => {
  it('is a Cytoscape desktop document with element data and evidence counts', () => {
    const doc = JSON.parse(asText(renderExport(sampleGraph(), 'cyjs').body));
    expect(doc).toMatchObject({ format_version: '1.0', generated_by: 'Sightline', data: { source: 'Sightline', exportedAt: '2025-04-07T12:00:00.000Z' } });
    expect(typeof doc.target_cytoscapejs_version).toBe('string');
    expect(doc.elements.nodes).toHaveLength(3);
    expect(doc.elements.nodes[0].data).toMatchObject({ id: 'acme', label: 'Acme, Inc. “the best”', kind: 'Company', aliases: ['ACME', 'Acme; Co', 'Acme, "Inc"'] });
    expect(doc.elements.edges[0].data).toMatchObject({
      id: 'bob-officer-of-acme',
      source: 'bob',
      target: 'acme',
      type: 'OFFICER_OF',
      interaction: 'OFFICER_OF',
      status: 'ended',
      evidenceCount: 2,
      summary: NASTY,
    });
  });
});

describe('graphml', () => {
  const xml = asText(renderExport(sampleGraph(), 'graphml').body);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('declares a typed <key> for every data element it uses', () => {
    const doc = xmlParser.parse(xml);
    const graphml = doc.graphml[0];
    const keys = new Map<string, { for: string; name: string; type: string }>(
      graphml.key.map((k: Record<string, string>) => [k['@_id'], { for: k['@_for']!, name: k['@_attr.name']!, type: k['@_attr.type']! }]),
    );
    for (const k of keys.values()) expect(['string', 'int', 'boolean']).toContain(k.type);
    const edgeKeyNames = [...keys.values()].filter((k) => k.for === 'edge').map((k) => k.name);
    expect(edgeKeyNames).toEqual(expect.arrayContaining(['evidenceCount', 'status', 'since', 'until', 'summary', 'type', 'label']));
    expect([...keys.values()].find((k) => k.name === 'evidenceCount')?.type).toBe('int');
    const graph = graphml.graph[0];
    expect(graph['@_edgedefault']).toBe('directed');
    for (const node of graph.node) for (const d of node.data) expect(keys.get(d['@_key'])?.for).toBe('node');
    for (const edge of graph.edge) for (const d of edge.data) expect(keys.get(d['@_key'])?.for).toBe('edge');
  });

  it('replaces characters XML cannot carry', () => {
    expect(xml).not.toContain('\u0001');
    expect(xmlSafe('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
  });

  it.runIf(hasNetworkx)('reads back in NetworkX with typed attributes and the exact text', () => {
    const file = join(tmp, 'sample.graphml');
    writeFileSync(file, xml);
    const result = runPython(
      `import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"directed": g.is_directed(), "graph": g.graph, "nodes": dict(g.nodes(data=True)),
  "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}))`,
      file,
    ) as { directed: boolean; graph: Record<string, unknown>; nodes: Record<string, Record<string, unknown>>; edges: Array<[string, string, Record<string, unknown>]> };
    expect(result.directed).toBe(true);
    expect(result.graph).toMatchObject({ source: 'Sightline', exportedAt: '2025-04-07T12:00:00.000Z' });
    expect(result.nodes.acme).toMatchObject({ kind: 'Company', name: 'Acme, Inc. “the best”', description: NASTY, url: 'https://acme.example/?a=1&b=2' });
    expect(JSON.parse(String(result.nodes.acme!.aliases))).toEqual(['ACME', 'Acme; Co', 'Acme, "Inc"']);
    expect(result.nodes.bob).not.toHaveProperty('country');
    const officer = result.edges.find(([u, v]) => u === 'bob' && v === 'acme')![2];
    expect(officer).toMatchObject({ evidenceCount: 2, contested: false, status: 'ended', since: '2020', until: '2024-03', summary: NASTY, type: 'OFFICER_OF' });
    const located = result.edges.find(([u]) => u === 'acme')![2];
    expect(located).toMatchObject({ contested: true, evidenceCount: 1 });
  });
});

describe('gexf', () => {
  const xml = asText(renderExport(sampleGraph(), 'gexf').body);

  it('is well-formed GEXF 1.3 with node and edge attribute declarations', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const gexf = xmlParser.parse(xml).gexf[0];
    expect(gexf['@_version']).toBe('1.3');
    expect(gexf['@_xmlns']).toBe('http://gexf.net/1.3');
    const graph = gexf.graph[0];
    const classes = graph.attributes.map((a: Record<string, string>) => a['@_class']);
    expect(classes).toEqual(['node', 'edge']);
    const declared = (cls: string) =>
      new Map<string, string>(
        graph.attributes
          .find((a: Record<string, string>) => a['@_class'] === cls)
          .attribute.map((a: Record<string, string>) => [a['@_id'], a['@_title']]),
      );
    const nodeAttrs = declared('node');
    const edgeAttrs = declared('edge');
    expect([...edgeAttrs.values()]).toEqual(expect.arrayContaining(['evidenceCount', 'status', 'since', 'until', 'summary', 'type']));
    for (const node of graph.nodes[0].node) for (const v of node.attvalues[0].attvalue ?? []) expect(nodeAttrs.has(v['@_for'])).toBe(true);
    const edges = graph.edges[0].edge;
    for (const edge of edges) for (const v of edge.attvalues[0].attvalue ?? []) expect(edgeAttrs.has(v['@_for'])).toBe(true);
    expect(edges[0]).toMatchObject({ '@_label': 'is an officer of', '@_kind': 'OFFICER_OF', '@_source': 'bob', '@_target': 'acme' });
  });

  it('keeps newlines in attribute values (as character references)', () => {
    expect(escapeXmlAttribute('a\nb\t"c"')).toBe('a&#10;b&#9;&quot;c&quot;');
    const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(xml);
    const edge = parsed.gexf.graph.edges.edge[0];
    const summary = edge.attvalues.attvalue.find((v: Record<string, string>) => v['@_for'] === 'e_summary');
    expect(summary['@_value']).toBe(NASTY);
  });

  it.runIf(hasNetworkx)('reads back in networkx.read_gexf with typed attributes', () => {
    const file = join(tmp, 'sample-nx.gexf');
    writeFileSync(file, xml);
    const result = runPython(
      `import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({"nodes": dict(g.nodes(data=True)), "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}))`,
      file,
    ) as { nodes: Record<string, Record<string, unknown>>; edges: Array<[string, string, Record<string, unknown>]> };
    expect(result.nodes.acme).toMatchObject({ label: 'Acme, Inc. “the best”', kind: 'Company', description: NASTY });
    const officer = result.edges.find(([u, v]) => u === 'bob' && v === 'acme')![2];
    expect(officer).toMatchObject({ label: 'is an officer of', evidenceCount: 2, contested: false, summary: NASTY });
  });

  it.runIf(hasNetworkx)('is readable as XML by Python (the way Gephi-compatible tools parse it)', () => {
    const file = join(tmp, 'sample.gexf');
    writeFileSync(file, xml);
    const result = runPython(
      `import json, sys, xml.etree.ElementTree as ET
ns = {"g": "http://gexf.net/1.3"}
root = ET.parse(sys.argv[1]).getroot()
edges = root.findall("./g:graph/g:edges/g:edge", ns)
print(json.dumps({"nodes": len(root.findall("./g:graph/g:nodes/g:node", ns)),
  "summary": [v.get("value") for v in edges[0].findall("./g:attvalues/g:attvalue", ns) if v.get("for") == "e_summary"][0]}))`,
      file,
    ) as { nodes: number; summary: string };
    expect(result).toEqual({ nodes: 3, summary: NASTY });
  });
});

describe('csv', () => {
  it('quotes per RFC 4180: commas, quotes, newlines; curly quotes verbatim', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('“curly” ’')).toBe('“curly” ’');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('round-trips every table through an RFC 4180 reader', () => {
    const tables = csvTables(sampleGraph());
    const nodes = parseCsv(tables['nodes.csv']);
    expect(nodes[0]).toEqual(['id', 'label', 'kind', 'name', 'aliases', 'description', 'country', 'url', 'wikidata']);
    expect(nodes[1]).toEqual(['acme', 'Acme, Inc. “the best”', 'Company', 'Acme, Inc. “the best”', '["ACME","Acme; Co","Acme, \\"Inc\\""]', NASTY, 'US', 'https://acme.example/?a=1&b=2', 'Q1']);
    const edges = parseCsv(tables['edges.csv']);
    expect(edges[0]).toContain('evidenceCount');
    expect(edges[1]).toEqual(['bob-officer-of-acme', 'bob', 'acme', 'OFFICER_OF', 'is an officer of', 'ended', NASTY, '2020', '2024-03', '2']);
    const claims = parseCsv(tables['claims.csv']);
    expect(claims).toHaveLength(4);
    expect(claims[1]).toEqual(['c1', 'bob-officer-of-acme', NASTY, 'The “Guardian”', 'reported', '', 'news']);
    const sources = parseCsv(tables['sources.csv']);
    expect(sources[1]?.[0]).toBe('news');
    expect(sources[1]?.at(-1)).toBe('["ngo-report"]');
  });

  it('is a zip with nodes, edges, claims and sources CSV (UTF-8, header row)', () => {
    const file = renderExport(sampleGraph(), 'csv');
    expect(file.contentType).toBe('application/zip');
    expect(file.extension).toBe('zip');
    const files = unzipSync(file.body as Uint8Array);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'claims.csv', 'edges.csv', 'nodes.csv', 'sources.csv']);
    const nodes = strFromU8(files['nodes.csv']!);
    expect(nodes.startsWith('id,label,kind,')).toBe(true);
    expect(nodes).toContain('“the best”');
  });

  it.runIf(hasNetworkx)("reads back with Python's csv module", () => {
    const file = join(tmp, 'edges.csv');
    writeFileSync(file, csvTables(sampleGraph())['edges.csv']);
    const rows = runPython(
      `import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps(list(csv.DictReader(f))))`,
      file,
    ) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: 'bob-officer-of-acme', summary: NASTY, evidenceCount: '2' });
  });
});

describe('json (Sightline, lossless)', () => {
  it('has nodes, edges, claims and sources that validate against the stored schemas', () => {
    const doc = JSON.parse(asText(renderExport(sampleGraph(), 'json').body));
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['nodes', 'edges', 'claims', 'sources', 'meta', 'format', 'version']));
    for (const { kind, ...actor } of doc.nodes) {
      expect(kind).toMatch(/^[A-Z]/);
      expect(actorSchema.safeParse(actor).success).toBe(true);
    }
    for (const { type, source, target, evidenceCount, ...rel } of doc.edges) {
      expect([type, source, target, typeof evidenceCount]).toEqual([expect.any(String), expect.any(String), expect.any(String), 'number']);
      expect(relationshipSchema.safeParse(rel).success).toBe(true);
    }
    for (const { sourceId, ...claim } of doc.claims) {
      expect(typeof sourceId).toBe('string');
      expect(claimSchema.safeParse(claim).success).toBe(true);
    }
    for (const { cites, ...source } of doc.sources) {
      expect(Array.isArray(cites)).toBe(true);
      expect(sourceSchema.safeParse(source).success).toBe(true);
    }
    expect(doc.nodes[1]).toEqual({ id: 'bob', kind: 'Person', name: 'Bob', aliases: [], description: 'A person.' });
    expect(doc.claims[0].quote).toBe(NASTY);
  });
});

describe('citations', () => {
  it('lists the sources behind exported edges with how many edges each supports', () => {
    expect(citationsOf(sampleGraph()).map((c) => [c.id, c.edgeCount, c.claimCount])).toEqual([
      ['news', 1, 2],
      ['ngo-report', 1, 1],
    ]);
    const doc = JSON.parse(asText(renderExport(sampleGraph(), 'citations').body));
    expect(doc.data[0]).toEqual({
      id: 'news',
      title: 'Bob leaves, “finally”',
      titleNote: null,
      publisher: 'Daily News',
      url: 'https://news.example/a',
      publishedAt: '2024-03-02',
      author: 'Jane Doe',
      edgeCount: 1,
      claimCount: 2,
    });
  });

  it('skips sources whose claims support no exported edge', () => {
    const graph = sampleGraph();
    graph.edges = graph.edges.filter((e) => e.id !== 'acme-located-in-gaza');
    expect(citationsOf(graph).map((c) => c.id)).toEqual(['news']);
  });

  it('renders a numbered plain-text list', () => {
    const file = renderExport(sampleGraph(), 'citations', 'text');
    expect(file.contentType).toBe('text/plain; charset=utf-8');
    expect(file.extension).toBe('citations.txt');
    const text = asText(file.body);
    expect(text).toContain('1. Daily News. “Bob leaves, “finally”.” Jane Doe, 2024-03-02. https://news.example/a. Supports 1 exported relationship (2 claims).');
    expect(text).toMatch(/\n2\. NGO\. “Report\.” \[Descriptive title\.\] undated\. No URL recorded\./);
  });
});

describe('an empty graph', () => {
  const empty: ExportGraph = { meta: { name: 'empty', exportedAt: '2025-01-01T00:00:00.000Z', ids: null, depth: null }, nodes: [], edges: [], claims: [], sources: [] };
  it.each(EXPORT_FORMATS)('%s still renders', (format) => {
    const body = renderExport(empty, format).body;
    if (format === 'graphml' || format === 'gexf') expect(XMLValidator.validate(asText(body))).toBe(true);
    // FollowTheMoney JSON lines have no header: no entities is an empty file. Every other format
    // still writes its frame (XML document, CSV headers, JSON object, citation heading).
    if (format === 'ftm') expect(asText(body)).toBe('');
    else expect(body.length).toBeGreaterThan(0);
  });
});
