import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ColumnMap } from '../../server/src/import/csv/columns.js';
import { REPO_ROOT } from '../../server/src/paths.js';

/**
 * The same actors and relationships in two CSV layouts, derived at test time from the boycott
 * companies list (../shared/datasets/boycott-companies/companies.csv, never copied into the repo):
 *
 * - `documented`: Sightline's own actors.csv / relationships.csv columns, comma-separated;
 * - `other`: a spreadsheet export as found in the wild: semicolon-separated, its own headers
 *   ("Ref;Name;Type;About", "Ref;From;To;Relation;Evidence;Link;Attributed To;Internal note"),
 *   vocabulary in lower case and words ("company", "targets for boycott"), no status or stance
 *   columns (the map gives them as defaults), and a column Sightline has no use for.
 *
 * `map` is the column map that reads `other` as `documented`.
 */
export interface CsvLayouts {
  documented: { actors: string; relationships: string };
  other: { actors: string; relationships: string };
  map: ColumnMap;
  actors: number;
  relationships: number;
}

const COMPANIES = join(REPO_ROOT, '..', 'shared', 'datasets', 'boycott-companies', 'companies.csv');

/** A CSV line with every field quoted (descriptions hold commas, semicolons and quotes). */
const line = (fields: readonly string[], delimiter: string): string => fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(delimiter);

/** The text before the footnotes, without markdown emphasis, on one line. */
const plain = (markdown: string): string =>
  (markdown.split(/\n\s*\[\^\d+\]:/)[0] ?? '')
    .replace(/\*\*|\[\^\d+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function csvLayouts(idPrefix: string): CsvLayouts {
  const rows = parse(readFileSync(COMPANIES, 'utf8'), { columns: true, bom: true }) as Array<{ id: string; name: string; description: string }>;
  const list = { id: `${idPrefix}list`, name: `Boycott companies list (${idPrefix})`, about: 'The list the companies come from.' };
  const companies = rows.map((r) => {
    const text = plain(r.description);
    const url = /https?:\/\/[^\s)\]]+/.exec(r.description)?.[0];
    // The quote: the first sentence, verbatim, kept under the 300 characters a quote may hold.
    const quote = (/^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text).slice(0, 280);
    return { id: `${idPrefix}${r.id}`, name: r.name, about: text.slice(0, 500) || `${r.name}, on the boycott list.`, url, quote };
  });
  const cited = companies.filter((c): c is typeof c & { url: string } => c.url !== undefined && c.quote !== '');
  const said = 'Boycott companies list';
  const documented = {
    actors: [
      'id,name,kind,description',
      line([list.id, list.name, 'Movement', list.about], ','),
      ...companies.map((c) => line([c.id, c.name, 'Company', c.about], ',')),
    ].join('\n'),
    relationships: [
      'id,source,target,type,status,quote,source_url,attributed_to,stance',
      ...cited.map((c) => line([`${c.id}-listed`, list.id, c.id, 'TARGETS_FOR_BOYCOTT', 'alleged', c.quote, c.url, said, 'alleged'], ',')),
    ].join('\n'),
  };
  const other = {
    actors: ['Ref;Name;Type;About', line([list.id, list.name, 'movement', list.about], ';'), ...companies.map((c) => line([c.id, c.name, 'company', c.about], ';'))].join('\n'),
    relationships: [
      'Ref;From;To;Relation;Evidence;Link;Attributed To;Internal note',
      ...cited.map((c) => line([`${c.id}-listed`, list.id, c.id, 'targets for boycott', c.quote, c.url, said, 'checked'], ';')),
    ].join('\n'),
  };
  const map: ColumnMap = {
    delimiter: ';',
    actors: { id: 'Ref', name: 'Name', kind: 'Type', description: 'About' },
    relationships: { id: 'Ref', source: 'From', target: 'To', type: 'Relation', quote: 'Evidence', source_url: 'Link', attributed_to: 'Attributed To' },
    defaults: { status: 'alleged', stance: 'alleged' },
  };
  return { documented, other, map, actors: companies.length + 1, relationships: cited.length };
}
