/**
 * Pure parts of the Import dialog's CSV column mapping (./mapping-table.ts draws it): a file's
 * header row and separator, which of Sightline's columns are required, the columns guessed from
 * matching names, and the column map sent as POST /api/import's `map` (the same JSON as the CLI's
 * --map, read by server/src/import/csv/column-map.ts). No DOM here (unit tested in
 * tests/unit/import-ui-column-map.test.ts).
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { ACTOR_KINDS, CLAIM_STANCES, RELATIONSHIP_STATUSES, RELATIONSHIP_TYPES } from '../../../../server/src/contracts/vocabulary.js';
import { ACTOR_FIELDS, CSV_DELIMITERS, RELATIONSHIP_FIELDS, type ColumnMap } from '../../../../server/src/import/csv/columns.js';

export type Layout = 'actors' | 'relationships';
export type Delimiter = (typeof CSV_DELIMITERS)[number];

/** Where a Sightline column's values come from: a column of the file, one value for every row, or nowhere. */
export type Choice = { column: string } | { value: string } | null;
export type Choices = Record<string, Choice>;

export interface FieldSpec {
  field: string;
  /** What the column holds, in a few words. */
  hint: string;
  required: boolean;
  /** The other columns of a group of which one is required (ONE_OF), if this column is in one. */
  orElse?: readonly string[];
  /** The values Sightline accepts (then one of them may be given for every row), with their words. */
  values?: ReadonlyArray<{ value: string; label: string }>;
}

const HINTS: Record<Layout, Record<string, string>> = {
  actors: {
    id: 'made from the name when not given',
    name: 'the actor’s name',
    kind: 'Company, Person, Movement…',
    aliases: 'other names, separated by |',
    description: 'a sentence on who they are',
    country: 'ISO code, e.g. IL',
    url: 'web site',
    wikidata: 'Wikidata id, e.g. Q2283',
  },
  relationships: {
    id: 'made from source, type and target when not given',
    source: 'id of the actor it goes from',
    target: 'id of the actor it goes to',
    type: 'e.g. OWNS, or “owns”',
    status: 'default: active (alleged for alleged claims)',
    summary: 'one sentence; made up when not given',
    since: 'date, e.g. 2024-05',
    until: 'date it ended',
    quote: 'verbatim evidence from the source',
    source_url: 'link to the source (or give its title)',
    source_title: 'title of the source (or give its link)',
    source_publisher: 'default: the link’s host',
    source_published_at: 'date of the source',
    attributed_to: 'who says so; default: the publisher',
    stance: 'default: reported',
    note: 'a note on the claim',
    retrieved_at: 'when the source was read',
  },
};

const REQUIRED: Record<Layout, readonly string[]> = { actors: ['name', 'kind'], relationships: ['source', 'target', 'type', 'quote'] };

/** Columns of which at least one must be given. */
export const ONE_OF: Record<Layout, ReadonlyArray<readonly string[]>> = { actors: [], relationships: [['source_url', 'source_title']] };

const VALUES: Record<string, ReadonlyArray<{ value: string; label: string }>> = {
  kind: ACTOR_KINDS.map((k) => ({ value: k.kind, label: k.label })),
  type: RELATIONSHIP_TYPES.map((t) => ({ value: t.type, label: t.label })),
  status: RELATIONSHIP_STATUSES.map((s) => ({ value: s.status, label: s.label })),
  stance: CLAIM_STANCES.map((s) => ({ value: s.stance, label: s.stance })),
};

/** Sightline's columns of a layout, in the documented order. */
export function fieldSpecs(layout: Layout): FieldSpec[] {
  const fields: readonly string[] = layout === 'actors' ? ACTOR_FIELDS : RELATIONSHIP_FIELDS;
  return fields.map((field) => {
    const values = layout === 'actors' ? (field === 'kind' ? VALUES.kind : undefined) : field === 'id' ? undefined : VALUES[field];
    const group = ONE_OF[layout].find((g) => g.includes(field));
    return {
      field,
      hint: HINTS[layout][field] ?? '',
      required: REQUIRED[layout].includes(field),
      ...(group ? { orElse: group.filter((f) => f !== field) } : {}),
      ...(values ? { values } : {}),
    };
  });
}

/** A name compared without case, accents, spaces or punctuation: "Source URL" ~ "source_url". */
export const normalizeName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The header row of a CSV file from its first bytes, and the separator it uses: of those Sightline
 * reads, the one that splits the row into the most columns (the comma when none does better).
 * Quoted names (with separators or line breaks inside) are read as csv-parse reads them on the
 * server; names are trimmed, as the server trims them.
 */
export function readHeader(text: string): { columns: string[]; delimiter: Delimiter } {
  let best: { columns: string[]; delimiter: Delimiter } = { columns: [], delimiter: ',' };
  for (const delimiter of CSV_DELIMITERS) {
    let rows: string[][];
    try {
      rows = parse(text, { bom: true, delimiter, to: 1, skip_empty_lines: true, relax_column_count: true }) as string[][];
    } catch {
      continue;
    }
    const columns = (rows[0] ?? []).map((c) => c.trim());
    if (columns.length > best.columns.length) best = { columns, delimiter };
  }
  return best;
}

/** Whether a header looks like a relationships file (columns named source and target, however written). */
export function guessLayout(columns: readonly string[]): Layout {
  const names = new Set(columns.map(normalizeName));
  return names.has('source') && names.has('target') ? 'relationships' : 'actors';
}

/** The column of the file named like each Sightline column (case, spacing and punctuation aside), else nothing. */
export function guessChoices(layout: Layout, columns: readonly string[]): Choices {
  const byName = new Map<string, string>();
  for (const column of columns) if (column !== '' && !byName.has(normalizeName(column))) byName.set(normalizeName(column), column);
  // A column named exactly like the field wins over one that only normalizes alike.
  return Object.fromEntries(
    fieldSpecs(layout).map(({ field }) => {
      const column = columns.includes(field) ? field : byName.get(normalizeName(field));
      return [field, column === undefined ? null : { column }];
    }),
  );
}

/**
 * Whether a Sightline column may be left unmapped: not when the file has a column of exactly that
 * name, as the server then reads it whatever the map says (a map renames, it cannot hide).
 */
export const canLeaveUnmapped = (field: string, columns: readonly string[]): boolean => !columns.includes(field);

/** Sightline's required columns (and groups of which one is needed) that the choices leave empty, by name. */
export function missingRequired(layout: Layout, choices: Choices): string[] {
  const given = (field: string) => choices[field] !== null && choices[field] !== undefined;
  return [
    ...fieldSpecs(layout).filter((s) => s.required && !given(s.field)).map((s) => s.field),
    ...ONE_OF[layout].filter((group) => !group.some(given)).map((group) => group.join(' or ')),
  ];
}

/**
 * The column map of the choices made for each file: columns renamed (a column named as the field
 * needs no entry), values given for every row as defaults, and the separator when not the comma.
 * null when there is nothing to say: the upload is then the documented layout, as without a map.
 */
export function buildColumnMap(sections: Partial<Record<Layout, Choices>>, delimiter: Delimiter): ColumnMap | null {
  const map: ColumnMap = {};
  const defaults: Record<string, string> = {};
  for (const layout of ['actors', 'relationships'] as const) {
    const choices = sections[layout];
    if (!choices) continue;
    const renamed: Record<string, string> = {};
    for (const [field, choice] of Object.entries(choices)) {
      if (choice === null) continue;
      if ('value' in choice) defaults[field] = choice.value;
      else if (choice.column !== field) renamed[field] = choice.column;
    }
    if (Object.keys(renamed).length > 0) map[layout] = renamed;
  }
  if (Object.keys(defaults).length > 0) map.defaults = defaults;
  if (delimiter !== ',') map.delimiter = delimiter;
  return Object.keys(map).length > 0 ? map : null;
}
