import { toCitations } from './citations.js';
import { toCsvZip } from './csv.js';
import { toCyjs } from './cyjs.js';
import { toFtm } from './ftm.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toSightlineJson } from './json.js';
import type { ExportFile, ExportGraph } from './model.js';

export const EXPORT_FORMATS = ['cyjs', 'graphml', 'gexf', 'csv', 'json', 'citations', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CITATION_FORMATS = ['json', 'text'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** Renders a graph in one format: a pure function of the graph. */
export function renderExport(graph: ExportGraph, format: ExportFormat, citationFormat: CitationFormat = 'json'): ExportFile {
  switch (format) {
    case 'cyjs':
      return toCyjs(graph);
    case 'graphml':
      return toGraphml(graph);
    case 'gexf':
      return toGexf(graph);
    case 'csv':
      return toCsvZip(graph);
    case 'json':
      return toSightlineJson(graph);
    case 'citations':
      return toCitations(graph, citationFormat);
    case 'ftm':
      return toFtm(graph);
  }
}

/** At most this many ids are spelled out in a file name; more become "<first>-and-N-more". */
const FILENAME_IDS = 3;

/** `sightline-<ids or all>-<YYYY-MM-DD>.<ext>`; ids are slugs, joined with "_". */
export function exportFilename(ids: readonly string[] | null, exportedAt: string, extension: string): string {
  let scope = 'all';
  if (ids && ids.length > 0) {
    scope = ids.slice(0, FILENAME_IDS).join('_');
    if (ids.length > FILENAME_IDS) scope += `-and-${ids.length - FILENAME_IDS}-more`;
  }
  return `sightline-${scope}-${exportedAt.slice(0, 10)}.${extension}`;
}

export type { ExportFile, ExportGraph } from './model.js';
