import { describe, expect, it } from 'vitest';
import { columnMapJsonSchema } from '../../server/src/import/csv/column-map.js';
import {
  buildColumnMap,
  canLeaveUnmapped,
  fieldSpecs,
  guessChoices,
  guessLayout,
  missingRequired,
  normalizeName,
  readHeader,
  type Choices,
} from '../../web/src/ui/import/column-map.js';

// The Import dialog's column mapping, without the DOM (web/src/ui/import/column-map.ts).
describe('readHeader', () => {
  it('reads the first row and the separator that splits it most', () => {
    expect(readHeader('id,name,kind\n1,A,Company\n')).toEqual({ columns: ['id', 'name', 'kind'], delimiter: ',' });
    expect(readHeader('Ref;Name;Type;About\n"x";"A, Inc.";"company";"…"')).toEqual({ columns: ['Ref', 'Name', 'Type', 'About'], delimiter: ';' });
    expect(readHeader('From\tTo\tRelation\n')).toEqual({ columns: ['From', 'To', 'Relation'], delimiter: '\t' });
  });
  it('reads quoted names as the server does: separators, quotes and line breaks inside, a BOM, spaces around', () => {
    expect(readHeader('\uFEFF"Name, legal";" Kind ";"Said ""by"""\r\nx;y;z')).toEqual({ columns: ['Name, legal', 'Kind', 'Said "by"'], delimiter: ';' });
    expect(readHeader('"multi\nline",b\n1,2')).toEqual({ columns: ['multi\nline', 'b'], delimiter: ',' });
  });
  it('copes with a file cut in the middle of a later row (only its first bytes are read) and with nothing', () => {
    expect(readHeader('a,b\n1,"unfinished')).toEqual({ columns: ['a', 'b'], delimiter: ',' });
    expect(readHeader('name\n')).toEqual({ columns: ['name'], delimiter: ',' });
    expect(readHeader('')).toEqual({ columns: [], delimiter: ',' });
  });
});

describe('matching names', () => {
  it('compares without case, accents, spaces or punctuation', () => {
    expect(normalizeName(' Source URL ')).toBe(normalizeName('source_url'));
    expect(normalizeName('Attributed-To')).toBe('attributedto');
    expect(normalizeName('Déscription')).toBe('description');
  });
  it('pre-fills the columns whose names match, an exact name first', () => {
    const choices = guessChoices('relationships', ['Source', 'TARGET', 'Type', 'Source URL', 'attributed to', 'quote', 'Quote', 'Evidence']);
    expect(choices).toMatchObject({ source: { column: 'Source' }, target: { column: 'TARGET' }, type: { column: 'Type' }, source_url: { column: 'Source URL' }, attributed_to: { column: 'attributed to' }, quote: { column: 'quote' }, id: null, stance: null });
    expect(Object.keys(choices)).toEqual(fieldSpecs('relationships').map((s) => s.field));
  });
  it('guesses a file alone holds relationships when it has source and target columns', () => {
    expect(guessLayout(['Source', 'Target', 'x'])).toBe('relationships');
    expect(guessLayout(['From', 'To'])).toBe('actors');
  });
  it('does not offer to leave out a column the file has under the field’s own name (the server reads it anyway)', () => {
    expect(canLeaveUnmapped('name', ['name', 'kind'])).toBe(false);
    expect(canLeaveUnmapped('name', ['Name'])).toBe(true);
  });
});

describe('required columns', () => {
  it('marks name and kind for actors; source, target, type, quote and a source link or title for relationships', () => {
    expect(fieldSpecs('actors').filter((s) => s.required).map((s) => s.field)).toEqual(['name', 'kind']);
    expect(fieldSpecs('relationships').filter((s) => s.required).map((s) => s.field)).toEqual(['source', 'target', 'type', 'quote']);
    expect(fieldSpecs('relationships').filter((s) => s.orElse).map((s) => [s.field, s.orElse])).toEqual([
      ['source_url', ['source_title']],
      ['source_title', ['source_url']],
    ]);
    expect(fieldSpecs('actors').find((s) => s.field === 'kind')?.values?.map((v) => v.value)).toContain('Company');
    expect(fieldSpecs('relationships').find((s) => s.field === 'stance')?.values?.map((v) => v.value)).toEqual(['reported', 'alleged', 'stated', 'confirmed', 'denied']);
  });
  it('lists what is left unmapped; a value for every row counts', () => {
    expect(missingRequired('actors', { ...guessChoices('actors', ['Name']), kind: null })).toEqual(['kind']);
    expect(missingRequired('actors', { ...guessChoices('actors', ['Name']), kind: { value: 'Company' } })).toEqual([]);
    expect(missingRequired('relationships', guessChoices('relationships', ['from', 'to']))).toEqual(['source', 'target', 'type', 'quote', 'source_url or source_title']);
    expect(missingRequired('relationships', { ...guessChoices('relationships', ['a', 'b', 'c', 'd', 'title']), source: { column: 'a' }, target: { column: 'b' }, type: { value: 'OWNS' }, quote: { column: 'd' }, source_title: { column: 'title' } })).toEqual([]);
  });
});

describe('buildColumnMap', () => {
  const actors: Choices = { ...guessChoices('actors', ['Ref', 'name', 'About']), id: { column: 'Ref' }, kind: { value: 'Company' }, description: { column: 'About' } };
  it('renames the columns named otherwise, gives values as defaults, and the separator when not a comma', () => {
    const relationships: Choices = { ...guessChoices('relationships', ['From', 'To']), source: { column: 'From' }, target: { column: 'To' }, stance: { value: 'alleged' } };
    const map = buildColumnMap({ actors, relationships }, ';');
    expect(map).toEqual({
      actors: { id: 'Ref', description: 'About' },
      relationships: { source: 'From', target: 'To' },
      defaults: { kind: 'Company', stance: 'alleged' },
      delimiter: ';',
    });
    // What the server's parser accepts as it is.
    expect(columnMapJsonSchema.parse(JSON.stringify(map))).toEqual(map);
  });
  it('is null for the documented layout (the upload then needs no map)', () => {
    expect(buildColumnMap({ actors: guessChoices('actors', ['id', 'name', 'kind']) }, ',')).toBeNull();
    expect(buildColumnMap({}, ',')).toBeNull();
  });
});
