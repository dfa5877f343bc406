import type { ExportFile, ExportGraph } from './model.js';

/** The Cytoscape.js version whose element JSON this follows. */
export const TARGET_CYTOSCAPEJS_VERSION = '~3.30';

/**
 * Cytoscape.js JSON, as Cytoscape desktop writes and reads it (File > Import > Network from File,
 * .cyjs): `{ format_version, generated_by, target_cytoscapejs_version, data, elements }`. Nodes carry
 * the element data the API uses (plus `shared_name`); edges add Cytoscape's `interaction` (the
 * relationship type) and `name` ("source (TYPE) target"). Lists stay JSON lists.
 */
export function toCyjs(graph: ExportGraph): ExportFile {
  const document = {
    format_version: '1.0',
    generated_by: 'Sightline',
    target_cytoscapejs_version: TARGET_CYTOSCAPEJS_VERSION,
    data: {
      name: graph.meta.name,
      exportedAt: graph.meta.exportedAt,
      source: 'Sightline',
      ids: graph.meta.ids,
      depth: graph.meta.depth,
    },
    elements: {
      nodes: graph.nodes.map((n) => ({
        data: {
          id: n.id,
          label: n.name,
          kind: n.kind,
          name: n.name,
          shared_name: n.name,
          aliases: n.aliases,
          description: n.description,
          country: n.country,
          url: n.url,
          wikidata: n.wikidata,
        },
      })),
      edges: graph.edges.map((e) => ({
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          type: e.type,
          interaction: e.type,
          name: `${e.source} (${e.type}) ${e.target}`,
          shared_name: `${e.source} (${e.type}) ${e.target}`,
          label: e.label,
          status: e.status,
          since: e.since,
          until: e.until,
          summary: e.summary,
          evidenceCount: e.evidenceCount,
        },
      })),
    },
  };
  return { body: JSON.stringify(document, null, 2), contentType: 'application/json; charset=utf-8', extension: 'cyjs' };
}
