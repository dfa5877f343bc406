import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { ACTOR_FIELDS, columnMapSchema, RELATIONSHIP_FIELDS, type ColumnMap } from './columns.js';

/**
 * The one reader and checker of CSV column maps (see ./columns.ts), behind both the CLI's
 * `--map file.json` and the `map` field of POST /api/import: the JSON text is parsed and checked
 * against columnMapSchema; once the files' headers are read (prepareImport), every column the map
 * names must be in the file it applies to, so a typo fails before anything is written instead of
 * failing every row.
 */

/** The keys each part of a map accepts, to say which were meant when one is unknown. */
const KEYS: Record<string, readonly string[]> = {
  '': Object.keys(columnMapSchema.shape),
  actors: ACTOR_FIELDS,
  relationships: RELATIONSHIP_FIELDS,
  defaults: [...new Set([...ACTOR_FIELDS, ...RELATIONSHIP_FIELDS])],
};

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const what = where === '' ? 'key' : 'Sightline column';
    return `${where ? `${where}: ` : ''}unknown ${what} ${issue.keys.map((k) => `"${k}"`).join(', ')} (one of ${(KEYS[where] ?? []).join(', ')})`;
  }
  return `${where ? `${where}: ` : ''}${issue.message}`;
}

/** A record's entries in the order of `keys` (those it has). */
function ordered(record: Partial<Record<string, string>> | undefined, keys: readonly string[]): Record<string, string> | undefined {
  if (!record) return undefined;
  return Object.fromEntries(keys.flatMap((k) => (record[k] === undefined ? [] : [[k, record[k]]])));
}

/**
 * The map with its keys in one order (sections, then fields, as Sightline lists them): it goes into
 * the job's checksum as JSON, so two maps that say the same must give the same text, however their
 * files were written, for --resume and re-uploads to find the job.
 */
function canonical(map: ColumnMap): ColumnMap {
  const parts = { actors: ordered(map.actors, KEYS.actors!), relationships: ordered(map.relationships, KEYS.relationships!), defaults: ordered(map.defaults, KEYS.defaults!), delimiter: map.delimiter };
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as ColumnMap;
}

/**
 * A column map given as JSON text: a string in, a ColumnMap out (canonical key order). Its issues
 * carry no path of their own, so a request field holding the map is the field named; the message
 * says where inside.
 */
export const columnMapJsonSchema = z.string().transform((text, ctx): ColumnMap => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not valid JSON (${(error as Error).message})` });
    return z.NEVER;
  }
  const parsed = columnMapSchema.safeParse(raw);
  if (parsed.success) return canonical(parsed.data);
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: describe(issue) });
  return z.NEVER;
});

/** The column map of a JSON file (the CLI's --map); an Error saying what is wrong otherwise. */
export async function loadColumnMap(path: string): Promise<ColumnMap> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`sightline/import/csv: cannot read the column map ${path}: ${(error as Error).message}`);
  }
  const parsed = columnMapJsonSchema.safeParse(text);
  if (!parsed.success) throw new Error(`sightline/import/csv: column map ${path}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/** A column map that does not fit the files given (a mapped column the file lacks). */
export class ColumnMapError extends Error {
  override readonly name = 'ColumnMapError';
}

/** Most of a file's columns quoted in an error. */
const QUOTED_COLUMNS = 20;

/** Throws ColumnMapError when the map names a column that the file it applies to (by layout) lacks. */
export function checkMappedColumns(map: ColumnMap, files: ReadonlyArray<{ path: string; layout: 'actors' | 'relationships'; header: readonly string[] }>): void {
  for (const file of files) {
    const missing = Object.entries(map[file.layout] ?? {}).filter(([, column]) => !file.header.includes(column));
    if (missing.length === 0) continue;
    const columns = file.header.slice(0, QUOTED_COLUMNS).map((c) => `"${c}"`).join(', ') + (file.header.length > QUOTED_COLUMNS ? ', …' : '');
    throw new ColumnMapError(
      `${basename(file.path)} (read as ${file.layout}) has no column ${missing.map(([field, column]) => `"${column}" (mapped to ${field})`).join(', ')}; its columns are ${columns || 'none'}`,
    );
  }
}
