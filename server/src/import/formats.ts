import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { IMPORT_DEFAULTS } from './defaults.js';
import { BOYCOTT_COLUMNS, BoycottCompaniesReader } from './csv/boycott.js';
import { checkMappedColumns } from './csv/column-map.js';
import type { ColumnMap } from './csv/columns.js';
import { isRelationshipHeader } from './csv/columns.js';
import { CsvReader } from './csv/reader.js';
import { csvHeader } from './csv/records.js';
import { CyjsReader } from './cyjs/reader.js';
import { FtmReader } from './ftm/reader.js';
import { FtmModel } from './ftm/schema.js';
import type { ImportClaim, ImportReader, ImportRelationship } from './model.js';

/**
 * Input formats:
 *   ftm          FollowTheMoney JSON lines (OpenSanctions, Aleph)
 *   csv          Sightline's actors.csv / relationships.csv layout, or another one through a column map
 *   boycott-csv  the boycott companies list (id, name, description with markdown footnotes, status)
 *   cyjs         Cytoscape.js JSON, as GET /api/export?format=cyjs writes it
 */
export const IMPORT_FORMATS = ['ftm', 'csv', 'boycott-csv', 'cyjs'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ReaderOptions {
  /** Id namespace; default per format (IMPORT_DEFAULTS). */
  namespace?: string | undefined;
  /** CSV column map (its mapped columns must be in the files: else ColumnMapError). */
  map?: ColumnMap | undefined;
}

export interface PreparedImport {
  reader: ImportReader;
  fallbackClaim?: (relationship: ImportRelationship) => ImportClaim;
}

async function head(path: string, bytes = 4096): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** Guesses the format from the first file's name and first bytes; undefined when unsure. */
export async function detectFormat(paths: readonly string[]): Promise<ImportFormat | undefined> {
  const first = paths[0];
  if (!first) return undefined;
  const ext = extname(first).toLowerCase();
  const start = (await head(first)).trimStart();
  if (ext === '.csv') {
    const header = await csvHeader(first);
    return header.length === BOYCOTT_COLUMNS.length && BOYCOTT_COLUMNS.every((c, i) => header[i] === c) ? 'boycott-csv' : 'csv';
  }
  if (start.startsWith('{')) {
    const firstLine = start.split('\n', 1)[0] ?? '';
    if (/"schema"\s*:/.test(firstLine) && /"id"\s*:/.test(firstLine)) return 'ftm';
    if (/"elements"\s*:/.test(start) || basename(first).endsWith('.cyjs')) return 'cyjs';
  }
  return undefined;
}

/** The reader for a format (and, for Cytoscape JSON, the claim of relationships without evidence). */
export async function prepareImport(format: ImportFormat, paths: readonly string[], options: ReaderOptions = {}): Promise<PreparedImport> {
  const one = (): string => {
    if (paths.length !== 1) throw new Error(`sightline/import: format ${format} reads exactly one file (got ${paths.length})`);
    return paths[0] as string;
  };
  switch (format) {
    case 'ftm':
      return { reader: new FtmReader(one(), await FtmModel.load(), { namespace: options.namespace ?? IMPORT_DEFAULTS.ftmNamespace }) };
    case 'boycott-csv':
      return { reader: new BoycottCompaniesReader(one(), { namespace: options.namespace ?? IMPORT_DEFAULTS.boycottNamespace }) };
    case 'cyjs': {
      const reader = new CyjsReader(one(), { namespace: options.namespace ?? '' });
      return { reader, fallbackClaim: reader.fallbackClaim };
    }
    case 'csv': {
      if (paths.length === 0 || paths.length > 2) throw new Error('sightline/import: format csv reads an actors file, a relationships file, or both');
      const files = await Promise.all(
        paths.map(async (path) => {
          const header = await csvHeader(path, options.map?.delimiter);
          return { path, header, layout: isRelationshipHeader(header, options.map) ? ('relationships' as const) : ('actors' as const) };
        }),
      );
      if (options.map) checkMappedColumns(options.map, files);
      return { reader: new CsvReader(files, { namespace: options.namespace ?? IMPORT_DEFAULTS.csvNamespace, map: options.map }) };
    }
  }
}

/** sha256 of the input files' bytes and of the options that change what is written: the job's identity for --resume. */
export async function inputChecksum(paths: readonly string[], options: Record<string, unknown>): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(`${basename(path)}\u0000`);
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  }
  hash.update(JSON.stringify(options));
  return hash.digest('hex');
}
