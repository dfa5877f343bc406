import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMappedColumns, ColumnMapError, columnMapJsonSchema, loadColumnMap } from '../../server/src/import/csv/column-map.js';

// The one parser and checker of CSV column maps (CLI --map and POST /api/import's `map`).
const issues = (text: string): string[] => {
  const r = columnMapJsonSchema.safeParse(text);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(field)'} ${i.message}`);
};

describe('columnMapJsonSchema', () => {
  it('reads a map, in one key order whatever the text’s', () => {
    const map = columnMapJsonSchema.parse('{"delimiter":";","defaults":{"stance":"alleged","kind":"Company"},"actors":{"name":"Name","id":"Ref"}}');
    expect(map).toEqual({ actors: { id: 'Ref', name: 'Name' }, defaults: { kind: 'Company', stance: 'alleged' }, delimiter: ';' });
    expect(JSON.stringify(map)).toBe('{"actors":{"id":"Ref","name":"Name"},"defaults":{"kind":"Company","stance":"alleged"},"delimiter":";"}');
    expect(columnMapJsonSchema.parse('{}')).toEqual({});
  });

  it('names what is wrong, on the field holding the map (no path of its own)', () => {
    expect(issues('{"actors": ')).toEqual([expect.stringMatching(/^\(field\) not valid JSON \(/)]);
    expect(issues('{"actors": {"nme": "Name"}}')).toEqual(['(field) actors: unknown Sightline column "nme" (one of id, name, kind, aliases, description, country, url, wikidata)']);
    expect(issues('{"relationships": {"from": "a"}}')).toEqual([expect.stringMatching(/^\(field\) relationships: unknown Sightline column "from" \(one of id, source, target,/)]);
    expect(issues('{"actor": {}}')).toEqual(['(field) unknown key "actor" (one of actors, relationships, defaults, delimiter)']);
    expect(issues('{"actors": {"name": ""}}')).toEqual([expect.stringMatching(/^\(field\) actors\.name: /)]);
    expect(issues('{"delimiter": ":"}')).toEqual([expect.stringMatching(/^\(field\) delimiter: /)]);
    expect(issues('[]')).toHaveLength(1);
  });
});

describe('loadColumnMap (the CLI’s --map file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-column-map-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('reads a file through the same parser, and says which file is wrong', async () => {
    writeFileSync(join(dir, 'ok.json'), '{"actors": {"name": "Company"}, "defaults": {"kind": "Company"}}');
    writeFileSync(join(dir, 'bad.json'), '{"actors": {"nme": "Company"}}');
    expect(await loadColumnMap(join(dir, 'ok.json'))).toEqual({ actors: { name: 'Company' }, defaults: { kind: 'Company' } });
    await expect(loadColumnMap(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: actors: unknown Sightline column "nme"/);
    await expect(loadColumnMap(join(dir, 'none.json'))).rejects.toThrow(/cannot read the column map/);
  });
});

describe('checkMappedColumns', () => {
  const map = { actors: { name: 'Company', kind: 'Type' }, relationships: { source: 'From', target: 'To' } };
  it('passes when every mapped column is in the file it applies to (by layout)', () => {
    expect(() =>
      checkMappedColumns(map, [
        { path: '/x/a.csv', layout: 'actors', header: ['Type', 'Company', 'Else'] },
        { path: '/x/r.csv', layout: 'relationships', header: ['From', 'To'] },
      ]),
    ).not.toThrow();
    // A section for a file that was not given is not checked (one map may serve either file alone).
    expect(() => checkMappedColumns(map, [{ path: '/x/a.csv', layout: 'actors', header: ['Type', 'Company'] }])).not.toThrow();
  });
  it('throws ColumnMapError naming the file, the missing columns and the file’s own', () => {
    const check = () => checkMappedColumns(map, [{ path: '/x/a.csv', layout: 'actors', header: ['company', 'type'] }]);
    expect(check).toThrow(ColumnMapError);
    expect(check).toThrow('a.csv (read as actors) has no column "Company" (mapped to name), "Type" (mapped to kind); its columns are "company", "type"');
  });
});
