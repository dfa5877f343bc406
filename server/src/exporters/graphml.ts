import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeSpec } from './attributes.js';
import type { ExportFile, ExportGraph } from './model.js';
import { buildXml, escapeXmlAttribute as attr, escapeXmlText as text } from './xml.js';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const GRAPHML_SCHEMA = 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

/** Graph-level attributes, declared like the others. */
const GRAPH_ATTRIBUTES: ReadonlyArray<AttributeSpec<ExportGraph>> = [
  { name: 'name', type: 'string', description: 'Name of the export.', value: (g) => g.meta.name },
  { name: 'exportedAt', type: 'string', description: 'When it was exported (ISO 8601).', value: (g) => g.meta.exportedAt },
  { name: 'source', type: 'string', description: 'The application that exported it.', value: () => 'Sightline' },
];

/** Key ids: "n_<name>", "e_<name>", "g_<name>" (Gephi uses key ids as column ids; "id"/"weight" are reserved there). */
const keyId = (scope: 'n' | 'e' | 'g', name: string): string => `${scope}_${name}`;

function keyDeclarations<T>(scope: 'n' | 'e' | 'g', domain: 'node' | 'edge' | 'graph', specs: ReadonlyArray<AttributeSpec<T>>) {
  return specs.map((s) => ({
    '@_id': keyId(scope, s.name),
    '@_for': domain,
    '@_attr.name': attr(s.name),
    '@_attr.type': s.type,
    desc: text(s.description),
  }));
}

function dataElements<T>(scope: 'n' | 'e' | 'g', specs: ReadonlyArray<AttributeSpec<T>>, item: T) {
  const out: Array<Record<string, string>> = [];
  for (const s of specs) {
    const v = s.value(item);
    if (v === null) continue;
    out.push({ '@_key': keyId(scope, s.name), '#text': text(String(v)) });
  }
  return out;
}

/**
 * GraphML (directed): one `<key>` per node, edge and graph attribute, typed string / int / boolean,
 * each with a `<desc>`; optional attributes are left out of a node or edge when absent (no default).
 * Lists (aliases) are JSON array strings. Reads in NetworkX (`read_graphml`), Gephi and Cytoscape.
 */
export function toGraphml(graph: ExportGraph): ExportFile {
  const tree = {
    graphml: {
      '@_xmlns': GRAPHML_NS,
      '@_xmlns:xsi': XSI_NS,
      '@_xsi:schemaLocation': GRAPHML_SCHEMA,
      key: [
        ...keyDeclarations('g', 'graph', GRAPH_ATTRIBUTES),
        ...keyDeclarations('n', 'node', NODE_ATTRIBUTES),
        ...keyDeclarations('e', 'edge', EDGE_ATTRIBUTES),
      ],
      graph: {
        '@_id': 'sightline',
        '@_edgedefault': 'directed',
        data: dataElements('g', GRAPH_ATTRIBUTES, graph),
        node: graph.nodes.map((n) => ({ '@_id': attr(n.id), data: dataElements('n', NODE_ATTRIBUTES, n) })),
        edge: graph.edges.map((e) => ({
          '@_id': attr(e.id),
          '@_source': attr(e.source),
          '@_target': attr(e.target),
          data: dataElements('e', EDGE_ATTRIBUTES, e),
        })),
      },
    },
  };
  return { body: buildXml(tree), contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' };
}
