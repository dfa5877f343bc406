import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeSpec, type AttributeType } from './attributes.js';
import type { ExportFile, ExportGraph } from './model.js';
import { buildXml, escapeXmlAttribute as attr, escapeXmlText as text } from './xml.js';

const GEXF_NS = 'http://gexf.net/1.3';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const GEXF_SCHEMA = 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd';

/** GEXF's names for our attribute types. */
const GEXF_TYPES: Record<AttributeType, string> = { string: 'string', int: 'integer', boolean: 'boolean' };

/** `label` is an XML attribute of `<node>` / `<edge>` in GEXF, so it is not repeated as an attvalue. */
const nodeAttributes = NODE_ATTRIBUTES.filter((s) => s.name !== 'label');
const edgeAttributes = EDGE_ATTRIBUTES.filter((s) => s.name !== 'label');

/** Attribute ids "n_<name>" / "e_<name>": Gephi uses them as column ids, where id/label/weight are reserved. */
const attrId = (scope: 'n' | 'e', name: string): string => `${scope}_${name}`;

function declarations<T>(scope: 'n' | 'e', domain: 'node' | 'edge', specs: ReadonlyArray<AttributeSpec<T>>) {
  return {
    '@_class': domain,
    '@_mode': 'static',
    attribute: specs.map((s) => ({ '@_id': attrId(scope, s.name), '@_title': attr(s.name), '@_type': GEXF_TYPES[s.type] })),
  };
}

function attvalues<T>(scope: 'n' | 'e', specs: ReadonlyArray<AttributeSpec<T>>, item: T) {
  const values: Array<Record<string, string>> = [];
  for (const s of specs) {
    const v = s.value(item);
    if (v === null) continue;
    values.push({ '@_for': attrId(scope, s.name), '@_value': attr(String(v)) });
  }
  return { attvalue: values };
}

/**
 * GEXF 1.3 (Gephi's format), static and directed: `<attributes class="node">` and
 * `class="edge"` declare every attribute; an edge carries its reading as `label` and its
 * relationship type as `kind` (and as the `type` attribute). Aliases are a JSON array string.
 */
export function toGexf(graph: ExportGraph): ExportFile {
  const tree = {
    gexf: {
      '@_xmlns': GEXF_NS,
      '@_xmlns:xsi': XSI_NS,
      '@_xsi:schemaLocation': GEXF_SCHEMA,
      '@_version': '1.3',
      meta: {
        '@_lastmodifieddate': graph.meta.exportedAt.slice(0, 10),
        creator: 'Sightline',
        description: text(graph.meta.name),
      },
      graph: {
        '@_defaultedgetype': 'directed',
        '@_mode': 'static',
        attributes: [declarations('n', 'node', nodeAttributes), declarations('e', 'edge', edgeAttributes)],
        nodes: {
          node: graph.nodes.map((n) => ({
            '@_id': attr(n.id),
            '@_label': attr(n.name),
            attvalues: attvalues('n', nodeAttributes, n),
          })),
        },
        edges: {
          edge: graph.edges.map((e) => ({
            '@_id': attr(e.id),
            '@_source': attr(e.source),
            '@_target': attr(e.target),
            '@_label': attr(e.label),
            '@_kind': attr(e.type),
            attvalues: attvalues('e', edgeAttributes, e),
          })),
        },
      },
    },
  };
  return { body: buildXml(tree), contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' };
}
