import { z } from 'zod';

/**
 * The documented CSV layouts and the column-mapping option (`--map file.json`).
 *
 * actors.csv:        id, name, kind, aliases (separated by "|"), description, country, url, wikidata
 * relationships.csv: id, source, target, type, status, summary, since, until,
 *                    quote, source_url, source_title, source_publisher, source_published_at,
 *                    attributed_to, stance, note, retrieved_at
 *
 * A mapping file renames columns (Sightline field -> column of the file) and gives defaults for
 * fields the file lacks: { "actors": { "name": "Company" }, "relationships": { "source": "from" },
 * "defaults": { "kind": "Company", "stance": "reported" }, "delimiter": ";" }. It is read and checked by
 * ./column-map.ts (the CLI's --map and POST /api/import's `map` alike). No Node APIs here: the web
 * UI's mapping table imports these lists.
 */
export const ACTOR_FIELDS = ['id', 'name', 'kind', 'aliases', 'description', 'country', 'url', 'wikidata'] as const;
export const RELATIONSHIP_FIELDS = [
  'id',
  'source',
  'target',
  'type',
  'status',
  'summary',
  'since',
  'until',
  'quote',
  'source_url',
  'source_title',
  'source_publisher',
  'source_published_at',
  'attributed_to',
  'stance',
  'note',
  'retrieved_at',
] as const;
export type ActorField = (typeof ACTOR_FIELDS)[number];
export type RelationshipField = (typeof RELATIONSHIP_FIELDS)[number];

/** Field separators a file may use (a column map's `delimiter`; the default is the comma). */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/** Separator of several aliases in one cell. */
export const ALIAS_SEPARATOR = '|';

export const columnMapSchema = z.strictObject({
  actors: z.partialRecord(z.enum(ACTOR_FIELDS), z.string().min(1)).optional(),
  relationships: z.partialRecord(z.enum(RELATIONSHIP_FIELDS), z.string().min(1)).optional(),
  defaults: z.partialRecord(z.enum([...new Set([...ACTOR_FIELDS, ...RELATIONSHIP_FIELDS])] as [string, ...string[]]), z.string()).optional(),
  delimiter: z.enum(CSV_DELIMITERS).optional(),
});
export type ColumnMap = z.infer<typeof columnMapSchema>;

/** A getter of Sightline fields from a record, through the mapping and its defaults. */
export function fieldReader<F extends string>(section: Partial<Record<F, string>> | undefined, defaults: Partial<Record<string, string>> | undefined) {
  return (record: Record<string, string>, field: F): string | undefined => {
    const column = section?.[field] ?? field;
    const value = record[column]?.trim();
    if (value !== undefined && value !== '') return value;
    const fallback = defaults?.[field]?.trim();
    return fallback === '' ? undefined : fallback;
  };
}

/** Whether a header is the relationships layout (it has source and target columns, after mapping). */
export function isRelationshipHeader(header: readonly string[], map: ColumnMap | undefined): boolean {
  const source = map?.relationships?.source ?? 'source';
  const target = map?.relationships?.target ?? 'target';
  return header.includes(source) && header.includes(target);
}
